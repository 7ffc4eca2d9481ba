/**
 * The life of one unit's assessment in a cycle (DESIGN §3.2):
 *   draft → submitted → (returned → explained)* → appraised
 * Each action names the states it may start from; anything else is refused (STATE_CONFLICT).
 */
import type { Cycle } from '../schemas/domain/cycles.ts';
import type { Refusal } from './errors.ts';
import { cycleClosedRefusal, stateRefusal, unitDeadlineRefusal } from './write-window.ts';

export const assessmentStates = ['draft', 'submitted', 'returned', 'explained', 'appraised'] as const;
export type AssessmentState = (typeof assessmentStates)[number];

export const transitions = {
  submit: { from: ['draft'], to: 'submitted' },
  return: { from: ['submitted', 'explained'], to: 'returned' },
  explain: { from: ['returned'], to: 'explained' },
  finalize: { from: ['submitted', 'explained'], to: 'appraised' },
  reopen: { from: ['appraised'], to: 'submitted' },
} as const satisfies Record<string, { from: readonly AssessmentState[]; to: AssessmentState }>;

export type AssessmentAction = keyof typeof transitions;

const actionLabels: Record<AssessmentAction, string> = {
  submit: 'submitting',
  return: 'returning for explanation',
  explain: 'handing in explanations',
  finalize: 'finalising',
  reopen: 'reopening',
};

export function canTransition(action: AssessmentAction, state: AssessmentState): boolean {
  return (transitions[action].from as readonly AssessmentState[]).includes(state);
}

/** Why `action` may not start from `state`, or nothing: the one check every transition makes. */
export function transitionRefusal(action: AssessmentAction, state: AssessmentState): Refusal | undefined {
  if (canTransition(action, state)) return undefined;
  return stateRefusal(state, transitions[action].from, actionLabels[action]);
}

/** A transition the unit makes (submit, explain): the cycle still open, the state right, the deadline not passed. */
export function unitTransitionRefusal(
  cycle: Pick<Cycle, 'year' | 'phase' | 'deadlines' | 'extensions'>,
  unitId: string,
  action: AssessmentAction,
  state: AssessmentState,
  now: Date,
): Refusal | undefined {
  return cycleClosedRefusal(cycle, 'the assessment') ?? transitionRefusal(action, state) ?? unitDeadlineRefusal(cycle, unitId, state, now);
}

/** A transition an appraiser or admin makes (return, finalise, reopen): the cycle still open, the state right. */
export function appraisalTransitionRefusal(
  cycle: Pick<Cycle, 'year' | 'phase'>,
  action: AssessmentAction,
  state: AssessmentState,
): Refusal | undefined {
  return cycleClosedRefusal(cycle, 'the appraisal') ?? transitionRefusal(action, state);
}

/** Units write self scores and add evidence while the assessment is theirs: before submission and when returned. */
export const selfScoreStates: readonly AssessmentState[] = ['draft', 'returned'];
/** Explanations are written only while the assessment is returned. */
export const explanationStates: readonly AssessmentState[] = ['returned'];
/** Appraisers write scores once the unit has handed the assessment in. */
export const appraisalStates: readonly AssessmentState[] = ['submitted', 'explained'];
