import { acceptRemaining } from '../../shared/app/appraisal/accept-remaining.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('acceptRemaining', async ({ params, caller }) => ({
  body: await acceptRemaining(caller, { ...params }),
}));
