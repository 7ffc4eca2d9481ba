import { submitExplanations } from '../../shared/app/appraisal/submit-explanations.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('submitExplanations', async ({ params, caller }) => ({
  body: await submitExplanations(caller, { ...params }),
}));
