import { setExplanation } from '../../shared/app/appraisal/set-explanation.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { appraisalRoutes } from '../../shared/routes/appraisal.ts';

export const handler = httpHandler(appraisalRoutes, 'putExplanationItem', async ({ params, body, caller }) => ({
  body: await setExplanation(caller, { ...params, ...body }),
}));
