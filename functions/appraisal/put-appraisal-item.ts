import { appraisalErrors, applyAppraisal } from '../../shared/domain/appraisal.ts';
import { itemView } from '../../shared/domain/assessment.ts';
import { appraisalStates } from '../../shared/domain/assessment-workflow.ts';
import { findApplicableLeaf } from '../../shared/domain/framework.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problems.ts';
import { saveItem } from '../../shared/store/assessment-store.ts';
import { VersionConflict } from '../../shared/store/errors.ts';
import { assertState, loadContext } from '../../shared/app/assessment/assessment-context.ts';
import { leafScope, roundOf } from './appraisal-scope.ts';

export const handler = httpHandler('putAppraisalItem', async ({ params, body, caller }) => {
  const ctx = await loadContext(caller, params.year, params.unitId, 'appraise');
  const entry = findApplicableLeaf(ctx.framework, params.code, ctx.notApplicable);
  if (!entry) {
    throw problems.notFound(`leaf ${params.code} is not an applicable leaf of framework ${ctx.framework.id} for unit ${ctx.unit.id}`);
  }
  if (!leafScope(caller, ctx)(params.code)) throw problems.forbidden(`leaf ${params.code} is outside your appraisal areas`);
  const { expectedVersion, ...input } = body;
  const before = ctx.loaded.items.get(params.code);
  const errors = appraisalErrors(entry.leaf, before, input);
  if (errors.length > 0) throw problems.validation(errors);
  assertState(ctx.state, appraisalStates, 'appraising');
  if (!before) throw problems.conflict(`leaf ${params.code} has no self score to appraise`);
  if (expectedVersion !== undefined && expectedVersion !== before.version) {
    throw new VersionConflict(`item ${params.code}`, itemView(entry, before, ctx.loaded.evidence));
  }
  const after = applyAppraisal(before, input, roundOf(ctx), caller, new Date().toISOString());
  const saved = await saveItem(caller, ctx.ref, ctx.loaded, appraisalStates, after, `appraisal.round${roundOf(ctx)}`, {
    reason: input.reason,
    markAppraised: true,
  });
  return { body: itemView(entry, saved, ctx.loaded.evidence) };
});
