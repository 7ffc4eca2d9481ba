import { phaseTransitionRefusal } from '../../domain/cycle-phase.ts';
import { enforce, fail } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import { cycleClosedRefusal } from '../../domain/write-window.ts';
import type { Cycle, PatchCycleBody } from '../../schemas/domain/cycles.ts';
import { cycleErrors } from './cycle-checks.ts';
import { cyclesStores, type CyclesStores } from './stores.ts';
import { enforceSurveysDefined } from './survey-readiness.ts';

/** Changes deadlines, exemptions or (by the phase rules) the phase; audited with the reason. */
export async function patchCycle(
  caller: Caller,
  input: PatchCycleBody & { year: number },
  stores: CyclesStores = cyclesStores,
  now = new Date(),
): Promise<Cycle> {
  const { year, expectedVersion, reason, ...change } = input;
  const current = await stores.getCycle(year);
  if (!current) throw fail.notFound(`cycle ${year} does not exist`, 'CYCLE_NOT_FOUND');
  // After approval nothing that fed the index changes: exemptions, deadlines, phase (a revision is its own procedure).
  enforce(cycleClosedRefusal(current, 'the cycle'));
  if (expectedVersion === undefined) throw fail.invalid([{ path: 'expectedVersion', message: 'required to change an existing cycle' }]);
  const moves = change.phase !== undefined && change.phase !== current.phase;
  if (moves) enforce(phaseTransitionRefusal(current, change.phase!, 'admin', now));
  if (moves) await enforceSurveysDefined(current, change.phase!, stores);
  const next: Cycle = {
    ...current,
    ...(change.phase ? { phase: change.phase } : {}),
    ...(change.notApplicable ? { notApplicable: change.notApplicable } : {}),
    ...(change.extensions ? { extensions: { ...current.extensions, ...change.extensions } } : {}),
    deadlines: { ...current.deadlines, ...change.deadlines },
    version: current.version + 1,
  };
  const errors = await cycleErrors(next, stores);
  if (errors.length > 0) throw fail.invalid(errors);
  const action = moves ? 'cycle.phase-changed' : 'cycle.changed';
  return stores.updateCycle(caller, current, next, { reason, action }, expectedVersion);
}
