import { getResults } from '../../shared/app/results/get-results.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { resultRoutes } from '../../shared/routes/results.ts';

export const handler = httpHandler(resultRoutes, 'getResults', async ({ params, query, caller }) => ({
  body: await getResults(caller, { ...params, ...query }),
}));
