import { listAppraisals } from '../../shared/app/appraisal/list-appraisals.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('listAppraisals', async ({ params, query, caller }) => ({
  body: await listAppraisals(caller, { ...params, ...query }),
}));
