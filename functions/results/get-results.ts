import { getResults } from '../../shared/app/results/get-results.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('getResults', async ({ params, query, caller }) => ({
  body: await getResults(caller, { ...params, ...query }),
}));
