import { councilOfCaller, councilRefusal, requiredCouncils } from '../../domain/councils.ts';
import { enforce, fail } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import { cycleClosedRefusal } from '../../domain/write-window.ts';
import { advancePhase } from '../cycles/advance-phase.ts';
import { computeDrafts, draftAnswer } from './compute-draft.ts';
import { resultsStores, type ResultsStores } from './stores.ts';

/**
 * The draft computed on request: the cycle moves to `computation`; refused once approved. The
 * admin computes every council's draft (the answer is the province's, with a line per district
 * council); a council computes its own only (a district council its communes).
 */
export async function computeResults(caller: Caller, input: { year: number }, stores: ResultsStores = resultsStores, now = new Date()) {
  const current = await stores.getCycle(input.year);
  if (!current) throw fail.notFound(`cycle ${input.year} does not exist`, 'CYCLE_NOT_FOUND');
  enforce(cycleClosedRefusal(current, 'its results'));
  const only = caller.roles.includes('admin') ? undefined : [councilOfCaller(caller)];
  if (only) enforce(councilRefusal(caller, only[0]!, current, requiredCouncils(current, await stores.cycleRegistry(input.year))));
  const cycle = await advancePhase(
    caller,
    { year: input.year, to: 'computation', actor: 'computation', reason: 'draft results computed on request' },
    stores,
    now,
  );
  return draftAnswer(await computeDrafts(caller, cycle, stores, now, only));
}
