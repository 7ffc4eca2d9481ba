import { fail } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import type { UnitType } from '../../schemas/files/framework.ts';
import type { MergedPublication } from '../../store/results-store.ts';
import { resultsStores, type ResultsStores } from './stores.ts';

/**
 * Published results only: drafts, appraisal notes and evidence never reach this. Every council
 * publication of the year, each unit naming the decision that published it; `decision` is the
 * provincial council's (or the first council's while the province has not published).
 */
export async function publicResults(
  _caller: Caller,
  input: { year: number; type?: UnitType },
  stores: Pick<ResultsStores, 'getPublication'> = resultsStores,
): Promise<Pick<MergedPublication, 'year' | 'decision' | 'approvedAt' | 'results' | 'councils'>> {
  const published = await stores.getPublication(input.year);
  if (!published) throw fail.notFound(`the results of ${input.year} are not published`, 'RESULTS_NOT_PUBLISHED');
  const results = input.type ? { [input.type]: published.results[input.type] } : published.results;
  return { year: published.year, decision: published.decision, approvedAt: published.approvedAt, results, councils: published.councils };
}
