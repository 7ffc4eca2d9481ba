import { listAppraisals } from '../../shared/app/appraisal/list-appraisals.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { appraisalRoutes } from '../../shared/routes/appraisal.ts';

export const handler = httpHandler(appraisalRoutes, 'listAppraisals', async ({ params, query, caller }) => ({
  body: await listAppraisals(caller, { ...params, ...query }),
}));
