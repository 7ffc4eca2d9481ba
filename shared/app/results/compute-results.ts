import { enforce, fail } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import { cycleClosedRefusal } from '../../domain/write-window.ts';
import type { DraftResults } from '../../store/results-store.ts';
import { advancePhase } from '../cycles/advance-phase.ts';
import { computeDraft } from './compute-draft.ts';
import { resultsStores, type ResultsStores } from './stores.ts';

/** The admin's computation of the council's draft: the cycle moves to `computation`; refused once approved. */
export async function computeResults(
  caller: Caller,
  input: { year: number },
  stores: ResultsStores = resultsStores,
  now = new Date(),
): Promise<DraftResults> {
  const current = await stores.getCycle(input.year);
  if (!current) throw fail.notFound(`cycle ${input.year} does not exist`, 'CYCLE_NOT_FOUND');
  enforce(cycleClosedRefusal(current, 'its results'));
  const cycle = await advancePhase(
    caller,
    { year: input.year, to: 'computation', actor: 'computation', reason: 'draft results computed on request' },
    stores,
    now,
  );
  return computeDraft(caller, cycle, stores, now);
}
