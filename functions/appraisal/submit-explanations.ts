import { submitExplanations } from '../../shared/app/appraisal/submit-explanations.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { appraisalRoutes } from '../../shared/routes/appraisal.ts';

export const handler = httpHandler(appraisalRoutes, 'submitExplanations', async ({ params, caller }) => ({
  body: await submitExplanations(caller, { ...params }),
}));
