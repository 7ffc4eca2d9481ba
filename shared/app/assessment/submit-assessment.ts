import { submissionGaps } from '../../domain/assessment.ts';
import { transitions, unitTransitionRefusal } from '../../domain/assessment-workflow.ts';
import { enforce, fail } from '../../domain/errors.ts';
import type { Assignment } from '../../domain/appraisal.ts';
import { coordinatorRefusal, provinceType } from '../../domain/province.ts';
import type { Caller } from '../../domain/roles.ts';
import { loadContext } from './assessment-context.ts';
import type { AssessmentInput } from './get-assessment.ts';
import { assessmentStores, type AssessmentStores } from './stores.ts';

/** Hands the self-assessment in; refused with the list of leaves that still need attention. */
export async function submitAssessment(caller: Caller, input: AssessmentInput, stores: AssessmentStores = assessmentStores) {
  const ctx = await loadContext(caller, input.year, input.unitId, 'write-own', stores);
  if (ctx.unit.type === provinceType) {
    enforce(coordinatorRefusal(caller, ctx.cycle.appraisal as Assignment, 'submitting the province assessment'));
  }
  const header = ctx.loaded.header;
  // A retried submit answers as the first did, and records nothing more.
  if (header?.state === 'submitted' && header.submittedAt) {
    return { state: header.state, version: header.version, submittedAt: header.submittedAt };
  }
  enforce(unitTransitionRefusal(ctx.cycle, ctx.unit.id, 'submit', ctx.state, new Date()));
  const gaps = submissionGaps(ctx.framework, ctx.notApplicable, ctx.loaded.items, ctx.loaded.evidence);
  if (!header || gaps.length > 0) {
    throw fail.unprocessable(
      'ASSESSMENT_INCOMPLETE',
      `the assessment is not complete: ${gaps.length} leaves need attention`,
      gaps.map((g) => ({ path: `items["${g.code}"]`, message: g.problem })),
    );
  }
  const submittedAt = new Date().toISOString();
  const { from, to } = transitions.submit;
  const next = await stores.transition(caller, ctx.ref, header, from, to, 'assessment.submitted', { set: { submittedAt } });
  return { state: next.state, version: next.version, submittedAt };
}
