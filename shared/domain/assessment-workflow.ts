/**
 * The life of one unit's assessment in a cycle (DESIGN §3.2):
 *   draft → submitted → (returned → explained)* → appraised
 * Each action names the states it may start from; anything else is a 409.
 */
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

export function canTransition(action: AssessmentAction, state: AssessmentState): boolean {
  return (transitions[action].from as readonly AssessmentState[]).includes(state);
}

/** Units write self scores and add evidence while the assessment is theirs: before submission and when returned. */
export const selfScoreStates: readonly AssessmentState[] = ['draft', 'returned'];
/** Explanations are written only while the assessment is returned. */
export const explanationStates: readonly AssessmentState[] = ['returned'];
/** Appraisers write scores once the unit has handed the assessment in. */
export const appraisalStates: readonly AssessmentState[] = ['submitted', 'explained'];

export function transitionRefusal(action: AssessmentAction, state: AssessmentState): string {
  return `cannot ${action} an assessment in state "${state}" (allowed from: ${transitions[action].from.join(', ')})`;
}
