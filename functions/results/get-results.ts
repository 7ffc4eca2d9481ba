import { httpHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problems.ts';
import { getDraft } from '../../shared/store/results-store.ts';

export const handler = httpHandler('getResults', async ({ params, query }) => {
  const draft = await getDraft(params.year);
  if (!draft) throw problems.notFound(`no results have been computed for ${params.year}; POST .../results/compute first`);
  const results = query.type ? { [query.type]: draft.results[query.type] } : draft.results;
  return { body: { ...draft, results } };
});
