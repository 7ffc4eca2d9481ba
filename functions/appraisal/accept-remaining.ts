import { acceptRemaining } from '../../shared/app/appraisal/accept-remaining.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { appraisalRoutes } from '../../shared/routes/appraisal.ts';

export const handler = httpHandler(appraisalRoutes, 'acceptRemaining', async ({ params, caller }) => ({
  body: await acceptRemaining(caller, { ...params }),
}));
