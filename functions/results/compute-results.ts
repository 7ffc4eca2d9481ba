import { computeResults } from '../../shared/app/results/compute-results.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('computeResults', async ({ params, caller }) => ({ body: await computeResults(caller, params) }));
