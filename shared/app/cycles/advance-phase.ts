/**
 * Moves a cycle forward to `to` by the rules of shared/domain/cycle-phase.ts, unless it is there or
 * beyond already (a retried step changes nothing); a concurrent change is re-read and the move
 * tried again, a few times. Audited as a phase change with the caller and the reason.
 */
import { phaseReached, phaseTransitionRefusal, type CyclePhase, type PhaseActor } from '../../domain/cycle-phase.ts';
import { enforce, fail, isDomainError } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import type { Cycle } from '../../schemas/domain/cycles.ts';
import { cyclesStores, type CyclesStores } from './stores.ts';
import { enforceSurveysDefined } from './survey-readiness.ts';

export async function advancePhase(
  caller: Caller,
  change: { year: number; to: CyclePhase; actor: PhaseActor; reason: string },
  stores: Pick<CyclesStores, 'getCycle' | 'updateCycle'> = cyclesStores,
  now = new Date(),
  surveys: Pick<CyclesStores, 'getSurvey'> = cyclesStores,
): Promise<Cycle> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const cycle = await stores.getCycle(change.year);
    if (!cycle) throw fail.notFound(`cycle ${change.year} does not exist`, 'CYCLE_NOT_FOUND');
    if (phaseReached(cycle.phase, change.to)) return cycle;
    enforce(phaseTransitionRefusal(cycle, change.to, change.actor, now));
    await enforceSurveysDefined(cycle, change.to, surveys);
    const next = { ...cycle, phase: change.to, version: cycle.version + 1 };
    try {
      return await stores.updateCycle(caller, cycle, next, { reason: change.reason, action: 'cycle.phase-changed' });
    } catch (error) {
      if (!isDomainError(error, 'VERSION_CONFLICT')) throw error;
    }
  }
  throw fail.conflict('VERSION_CONFLICT', `cycle ${change.year} kept changing while it was moved to ${change.to}; retry`);
}
