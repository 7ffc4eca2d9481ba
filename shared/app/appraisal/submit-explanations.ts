import { transitions, unitTransitionRefusal } from '../../domain/assessment-workflow.ts';
import { enforce } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import { loadContext, roundOf } from '../assessment/assessment-context.ts';
import type { AssessmentInput } from '../assessment/get-assessment.ts';
import { assessmentStores, type AssessmentStores } from '../assessment/stores.ts';

/** Hands the explanations in: state → explained, and the appraisal moves to the next round. */
export async function submitExplanations(caller: Caller, input: AssessmentInput, stores: AssessmentStores = assessmentStores) {
  const ctx = await loadContext(caller, input.year, input.unitId, 'write-own', stores);
  enforce(unitTransitionRefusal(ctx.cycle, ctx.unit.id, 'explain', ctx.state, new Date()));
  // The appraisal that follows an explanation is the next round; earlier rounds stay as they were.
  const round = roundOf(ctx) + 1;
  const { from, to } = transitions.explain;
  const next = await stores.transition(caller, ctx.ref, ctx.loaded.header!, from, to, 'explanations.submitted', { set: { round } });
  return { state: next.state, version: next.version, round };
}
