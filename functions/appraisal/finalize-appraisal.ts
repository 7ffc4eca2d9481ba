import { finalizeAppraisal } from '../../shared/app/appraisal/finalize-appraisal.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { appraisalRoutes } from '../../shared/routes/appraisal.ts';

export const handler = httpHandler(appraisalRoutes, 'finalizeAppraisal', async ({ params, caller }) => ({
  body: await finalizeAppraisal(caller, { ...params }),
}));
