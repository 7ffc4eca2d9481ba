import { finalizeAppraisal } from '../../shared/app/appraisal/finalize-appraisal.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('finalizeAppraisal', async ({ params, caller }) => ({
  body: await finalizeAppraisal(caller, { ...params }),
}));
