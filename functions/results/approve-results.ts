import { approveResults } from '../../shared/app/results/approve-results.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('approveResults', async ({ params, body, caller }) => ({
  body: await approveResults(caller, { ...params, ...body }),
}));
