import { leadsAppraisal, unappraisedInScope } from '../../domain/appraisal.ts';
import { appraisalTransitionRefusal, transitions } from '../../domain/assessment-workflow.ts';
import { DomainError, enforce, fail } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import { loadContext, roundOf } from '../assessment/assessment-context.ts';
import type { AssessmentInput } from '../assessment/get-assessment.ts';
import { assessmentStores, type AssessmentStores } from '../assessment/stores.ts';

/** Closes the appraisal (state → appraised): the lead's act, refused while leaves lack an appraised score. */
export async function finalizeAppraisal(caller: Caller, input: AssessmentInput, stores: AssessmentStores = assessmentStores) {
  const ctx = await loadContext(caller, input.year, input.unitId, 'appraise', stores);
  if (!leadsAppraisal(caller)) throw new DomainError('LEAD_APPRAISER_ONLY', 'only the lead appraiser (areas "*") finalises an appraisal');
  enforce(appraisalTransitionRefusal(ctx.cycle, 'finalize', ctx.state));
  const missing = unappraisedInScope(ctx.framework, ctx.notApplicable, ctx.loaded.items, () => true);
  if (missing.length > 0) {
    throw fail.unprocessable(
      'APPRAISAL_INCOMPLETE',
      `${missing.length} leaves have no appraised score yet`,
      missing.map((code) => ({ path: `items["${code}"]`, message: 'has no appraised score' })),
    );
  }
  const { from, to } = transitions.finalize;
  const next = await stores.transition(caller, ctx.ref, ctx.loaded.header!, from, to, 'appraisal.finalized', {
    set: { finalizedAt: new Date().toISOString() },
  });
  return { state: next.state, version: next.version, round: roundOf(ctx) };
}
