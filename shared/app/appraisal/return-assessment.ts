import { appraisalTransitionRefusal, transitions } from '../../domain/assessment-workflow.ts';
import { enforce } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import { loadContext, roundOf } from '../assessment/assessment-context.ts';
import type { AssessmentInput } from '../assessment/get-assessment.ts';
import { assessmentStores, type AssessmentStores } from '../assessment/stores.ts';

/** Returns the assessment to the unit for explanation (giải trình), with what to explain. */
export async function returnAssessment(
  caller: Caller,
  input: AssessmentInput & { message: string },
  stores: AssessmentStores = assessmentStores,
) {
  const ctx = await loadContext(caller, input.year, input.unitId, 'appraise', stores);
  enforce(appraisalTransitionRefusal(ctx.cycle, 'return', ctx.state));
  const lastReturn = { message: input.message, by: caller.username, at: new Date().toISOString() };
  const { from, to } = transitions.return;
  const next = await stores.transition(caller, ctx.ref, ctx.loaded.header!, from, to, 'assessment.returned', {
    reason: input.message,
    set: { lastReturn },
  });
  return { state: next.state, version: next.version, round: roundOf(ctx) };
}
