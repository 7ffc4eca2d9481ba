import { computeResults } from '../../shared/app/results/compute-results.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { resultRoutes } from '../../shared/routes/results.ts';

export const handler = httpHandler(resultRoutes, 'computeResults', async ({ params, caller }) => ({
  body: await computeResults(caller, params),
}));
