import { setAppraisedScore } from '../../shared/app/appraisal/set-appraised-score.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { appraisalRoutes } from '../../shared/routes/appraisal.ts';

export const handler = httpHandler(appraisalRoutes, 'putAppraisalItem', async ({ params, body, caller }) => ({
  body: await setAppraisedScore(caller, { ...params, ...body }),
}));
