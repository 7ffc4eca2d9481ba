import { appraisalTransitionRefusal, transitions } from '../../domain/assessment-workflow.ts';
import { enforce } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import { loadContext, roundOf } from '../assessment/assessment-context.ts';
import type { AssessmentInput } from '../assessment/get-assessment.ts';
import { assessmentStores, type AssessmentStores } from '../assessment/stores.ts';

/** Reopens a finalised appraisal (an admin's act, with a reason): state → submitted. */
export async function reopenAssessment(
  caller: Caller,
  input: AssessmentInput & { reason: string },
  stores: AssessmentStores = assessmentStores,
) {
  const ctx = await loadContext(caller, input.year, input.unitId, 'read', stores);
  enforce(appraisalTransitionRefusal(ctx.cycle, 'reopen', ctx.state));
  const { from, to } = transitions.reopen;
  const next = await stores.transition(caller, ctx.ref, ctx.loaded.header!, from, to, 'appraisal.reopened', { reason: input.reason });
  return { state: next.state, version: next.version, round: roundOf(ctx) };
}
