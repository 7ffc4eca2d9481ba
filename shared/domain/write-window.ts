/**
 * "May this still be written now?" — one home for the rule every write path asks: the cycle's
 * phase (nothing changes once the council approved or the province published), the assessment's
 * state, and the deadline that applies (server time; an admin may extend it).
 */
import type { Cycle } from '../schemas/domain/cycles.ts';
import type { AssessmentState } from './assessment-workflow.ts';
import { unitDeadline } from './deadlines.ts';
import { refusal, type Refusal } from './errors.ts';

/** Once approved or published, nothing that feeds the index changes (a revision is its own procedure). */
export function cycleClosedRefusal(cycle: Pick<Cycle, 'year' | 'phase'>, what = 'this'): Refusal | undefined {
  if (cycle.phase === 'published') return refusal('CYCLE_PUBLISHED', `cycle ${cycle.year} is published: ${what} can no longer change`);
  if (cycle.phase === 'approved') return refusal('CYCLE_CLOSED', `cycle ${cycle.year} is approved: ${what} can no longer change`);
  return undefined;
}

export function stateRefusal(state: AssessmentState, allowed: readonly AssessmentState[], what: string): Refusal | undefined {
  if (allowed.includes(state)) return undefined;
  return refusal('STATE_CONFLICT', `${what} is not possible while the assessment is "${state}" (allowed in: ${allowed.join(', ')})`, {
    state,
    allowed,
  });
}

/**
 * The unit's own writes: the self-assessment deadline before submission, the explanation deadline
 * while returned; each the unit's own (an extension granted to it), else the cycle's.
 */
export function unitDeadlineRefusal(
  cycle: Pick<Cycle, 'deadlines' | 'extensions'>,
  unitId: string,
  state: AssessmentState,
  now: Date,
): Refusal | undefined {
  const which = state === 'returned' ? 'explanation' : 'selfAssessment';
  const deadline = unitDeadline(cycle, unitId, which);
  if (now.getTime() <= Date.parse(deadline)) return undefined;
  const label = which === 'explanation' ? 'explanation' : 'self-assessment';
  return refusal('DEADLINE_PASSED', `the ${label} deadline (${deadline}) has passed`, { deadline });
}

/**
 * The write window of a unit's own assessment (self scores, evidence, explanations, submit):
 * the cycle still open to change, the state one of `allowed`, the deadline not passed.
 */
export function writeWindow(
  cycle: Pick<Cycle, 'year' | 'phase' | 'deadlines' | 'extensions'>,
  unitId: string,
  state: AssessmentState,
  allowed: readonly AssessmentState[],
  what: string,
  now: Date,
): Refusal | undefined {
  return (
    cycleClosedRefusal(cycle, 'the assessment') ?? stateRefusal(state, allowed, what) ?? unitDeadlineRefusal(cycle, unitId, state, now)
  );
}

/** Survey answers, files and definitions: closed with the cycle; answers also at the survey deadline. */
export function surveyWindow(cycle: Pick<Cycle, 'year' | 'phase' | 'deadlines'>, now: Date, { answers = false } = {}): Refusal | undefined {
  const closed = cycleClosedRefusal(cycle, 'its survey');
  if (closed) return closed;
  if (answers && Date.parse(cycle.deadlines.survey) < now.getTime()) {
    return refusal('SURVEY_CLOSED', `the survey closed at ${cycle.deadlines.survey}`);
  }
  return undefined;
}
