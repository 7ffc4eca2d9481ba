import { approveResults } from '../../shared/app/results/approve-results.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { resultRoutes } from '../../shared/routes/results.ts';

export const handler = httpHandler(resultRoutes, 'approveResults', async ({ params, body, caller }) => ({
  body: await approveResults(caller, { ...params, ...body }),
}));
