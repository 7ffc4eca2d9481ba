/**
 * The cycle's phase is a state machine: it only moves forward, and each move has its one author.
 * `open → appraisal` when submission closes (the pipeline at the deadline, or an admin once the
 * self-assessment deadline has passed); `→ computation` by the computation of a draft;
 * `→ approved` only by the council's approval of a draft; `→ published` only by the publication.
 */
import type { Cycle } from '../schemas/domain/cycles.ts';
import { refusal, type Refusal } from './errors.ts';

export type CyclePhase = Cycle['phase'];

/** Who moves the cycle: the pipeline, an admin's PATCH, the draft computation, the council's approval, the publication. */
export type PhaseActor = 'pipeline' | 'admin' | 'computation' | 'approval' | 'publication';

export interface PhaseTransition {
  from: readonly CyclePhase[];
  to: CyclePhase;
  by: readonly PhaseActor[];
}

/** The declarations: the console draws the phase diagram from these (web/src/components/phase-diagram.tsx). */
export const phaseTransitions: readonly PhaseTransition[] = [
  { from: ['open'], to: 'appraisal', by: ['pipeline', 'admin'] },
  { from: ['open', 'appraisal'], to: 'computation', by: ['computation'] },
  { from: ['computation'], to: 'approved', by: ['approval'] },
  { from: ['approved'], to: 'published', by: ['publication'] },
];

export const phaseOrder: readonly CyclePhase[] = ['open', 'appraisal', 'computation', 'approved', 'published'];

/** Whether `phase` is `target` or beyond it (a retried pipeline step then has nothing to do). */
export function phaseReached(phase: CyclePhase, target: CyclePhase): boolean {
  return phaseOrder.indexOf(phase) >= phaseOrder.indexOf(target);
}

/** The phases `actor` may move the cycle to now. */
export function allowedPhases(cycle: Pick<Cycle, 'phase' | 'deadlines'>, actor: PhaseActor, now: Date): CyclePhase[] {
  return phaseTransitions
    .filter((t) => t.from.includes(cycle.phase) && t.by.includes(actor))
    .filter((t) => !(actor === 'admin' && t.to === 'appraisal' && now.getTime() <= Date.parse(cycle.deadlines.selfAssessment)))
    .map((t) => t.to);
}

/** Nothing when `actor` may move the cycle to `to` now; else why not, with the phases it may move to. */
export function phaseTransitionRefusal(
  cycle: Pick<Cycle, 'year' | 'phase' | 'deadlines'>,
  to: CyclePhase,
  actor: PhaseActor,
  now: Date,
): Refusal | undefined {
  const allowed = allowedPhases(cycle, actor, now);
  if (allowed.includes(to)) return undefined;
  const rule = phaseTransitions.find((t) => t.to === to && t.from.includes(cycle.phase));
  const why = !rule
    ? `cycle ${cycle.year} cannot move from ${cycle.phase} to ${to}`
    : !rule.by.includes(actor)
      ? `cycle ${cycle.year} moves to ${to} only by ${rule.by.join(' or ')}, not by ${actor}`
      : `cycle ${cycle.year} moves to appraisal only after the self-assessment deadline (${cycle.deadlines.selfAssessment})`;
  return refusal('PHASE_TRANSITION_REFUSED', why, { phase: cycle.phase, allowed });
}
