import { httpHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problems.ts';
import { getPublication } from '../../shared/store/results-store.ts';

/** Published results only: drafts, appraisal notes and evidence never reach this route. */
export const handler = httpHandler('publicResults', async ({ params, query }) => {
  const published = await getPublication(params.year);
  if (!published) throw problems.notFound(`the results of ${params.year} are not published`);
  const results = query.type ? { [query.type]: published.results[query.type] } : published.results;
  return {
    body: { year: published.year, decision: published.decision, approvedAt: published.approvedAt, results },
    headers: { 'cache-control': 'public, max-age=300' },
  };
});
