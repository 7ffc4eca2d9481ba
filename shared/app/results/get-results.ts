import { fail } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import type { UnitType } from '../../schemas/files/framework.ts';
import type { DraftResults } from '../../store/results-store.ts';
import { resultsStores, type ResultsStores } from './stores.ts';

/** The council's draft, all unit types or one. */
export async function getResults(
  _caller: Caller,
  input: { year: number; type?: UnitType },
  stores: Pick<ResultsStores, 'getDraft'> = resultsStores,
): Promise<DraftResults> {
  const draft = await stores.getDraft(input.year);
  if (!draft) throw fail.notFound(`no results have been computed for ${input.year}; POST .../results/compute first`);
  const results = input.type ? { [input.type]: draft.results[input.type] } : draft.results;
  return { ...draft, results };
}
