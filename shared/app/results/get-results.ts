import { councilOfCaller, councilRefusal, provinceCouncil, requiredCouncils } from '../../domain/councils.ts';
import { enforce, fail } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import type { UnitType } from '../../schemas/files/framework.ts';
import type { DraftResults } from '../../store/results-store.ts';
import { resultsStores, type ResultsStores } from './stores.ts';

/**
 * A council's draft, all unit types or one: the caller's own council's by default (a district
 * council reads its communes only); the admin and the provincial council may name a district.
 */
export async function getResults(
  caller: Caller,
  input: { year: number; type?: UnitType; district?: string },
  stores: Pick<ResultsStores, 'getDraft' | 'getCycle' | 'cycleRegistry'> = resultsStores,
): Promise<DraftResults> {
  const council = input.district ?? (caller.roles.includes('council') ? councilOfCaller(caller) : provinceCouncil);
  if (council !== provinceCouncil || caller.district) {
    const cycle = await stores.getCycle(input.year);
    if (!cycle) throw fail.notFound(`cycle ${input.year} does not exist`, 'CYCLE_NOT_FOUND');
    const required = requiredCouncils(cycle, await stores.cycleRegistry(input.year));
    enforce(councilRefusal(caller, council, cycle, required, 'read'));
  }
  const draft = await stores.getDraft(input.year, council);
  if (!draft) throw fail.notFound(`no results have been computed for ${input.year}; POST .../results/compute first`);
  const results = input.type ? { [input.type]: draft.results[input.type] } : draft.results;
  return { ...draft, results };
}
