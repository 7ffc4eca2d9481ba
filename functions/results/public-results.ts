import { publicResults } from '../../shared/app/results/public-results.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { resultRoutes } from '../../shared/routes/results.ts';

/** Published results only: drafts, appraisal notes and evidence never reach this route. */
export const handler = httpHandler(resultRoutes, 'publicResults', async ({ params, query, caller }) => ({
  body: await publicResults(caller, { ...params, ...query }),
  headers: { 'cache-control': 'public, max-age=300' },
}));
