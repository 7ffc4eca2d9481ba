import { applyAppraisal, unappraisedInScope } from '../../domain/appraisal.ts';
import { appraisalStates } from '../../domain/assessment-workflow.ts';
import { enforce } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import { cycleClosedRefusal, stateRefusal } from '../../domain/write-window.ts';
import { loadContext, roundOf } from '../assessment/assessment-context.ts';
import type { AssessmentInput } from '../assessment/get-assessment.ts';
import { assessmentStores, type AssessmentStores } from '../assessment/stores.ts';
import { leafScope } from './appraisal-scope.ts';

/** Appraised = self score for every self-scored leaf in the caller's scope still without one (audited per leaf). */
export async function acceptRemaining(caller: Caller, input: AssessmentInput, stores: AssessmentStores = assessmentStores) {
  const ctx = await loadContext(caller, input.year, input.unitId, 'appraise', stores);
  enforce(cycleClosedRefusal(ctx.cycle, 'the appraisal') ?? stateRefusal(ctx.state, appraisalStates, 'appraising'));
  const codes = unappraisedInScope(ctx.framework, ctx.notApplicable, ctx.loaded.items, leafScope(caller, ctx)).filter(
    (code) => ctx.loaded.items.get(code)?.selfScore !== undefined,
  );
  const at = new Date().toISOString();
  const round = roundOf(ctx);
  const changes = codes.map((code) => {
    const item = ctx.loaded.items.get(code)!;
    return {
      after: applyAppraisal(item, { appraisedScore: item.selfScore! }, round, caller, at),
      action: `appraisal.round${round}.accepted`,
    };
  });
  await stores.saveItems(caller, ctx.ref, ctx.loaded, appraisalStates, changes, { markAppraised: true });
  return { accepted: codes, version: ctx.loaded.header?.version ?? 0 };
}
