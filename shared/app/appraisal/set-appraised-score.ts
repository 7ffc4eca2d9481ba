import { appraisalErrors, applyAppraisal, type AppraisalInput } from '../../domain/appraisal.ts';
import { notSelfScoredLeaf } from '../../domain/assessment.ts';
import { appraisalStates } from '../../domain/assessment-workflow.ts';
import { DomainError, enforce, fail } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import { cycleClosedRefusal, stateRefusal } from '../../domain/write-window.ts';
import { leafOf, loadContext, refuseSurveyLeaf, roundOf } from '../assessment/assessment-context.ts';
import { writeLeaf } from '../assessment/leaf-writes.ts';
import { assessmentStores, type AssessmentStores } from '../assessment/stores.ts';
import { leafScope } from './appraisal-scope.ts';

export interface SetAppraisedScoreInput extends AppraisalInput {
  year: number;
  unitId: string;
  code: string;
  expectedVersion?: number;
}

/** Accepts or adjusts a leaf's self score; a reason is required when the appraised score differs. */
export async function setAppraisedScore(caller: Caller, input: SetAppraisedScoreInput, stores: AssessmentStores = assessmentStores) {
  const { year, unitId, code, expectedVersion, ...appraisal } = input;
  const ctx = await loadContext(caller, year, unitId, 'appraise', stores);
  const entry = leafOf(ctx, code);
  if (!leafScope(caller, ctx)(code)) throw new DomainError('OUTSIDE_SCOPE', `leaf ${code} is outside your appraisal areas`);
  refuseSurveyLeaf(notSelfScoredLeaf(entry.leaf, 'appraised'));
  const before = ctx.loaded.items.get(code);
  const errors = appraisalErrors(entry.leaf, before, appraisal);
  if (errors.length > 0) throw fail.invalid(errors);
  enforce(cycleClosedRefusal(ctx.cycle, 'the appraisal') ?? stateRefusal(ctx.state, appraisalStates, 'appraising'));
  if (!before) throw new DomainError('NOT_SELF_SCORED', `leaf ${code} has no self score to appraise`);
  const round = roundOf(ctx);
  const after = applyAppraisal(before, appraisal, round, caller, new Date().toISOString());
  return writeLeaf(
    caller,
    ctx,
    entry,
    appraisalStates,
    { after, action: `appraisal.round${round}`, reason: appraisal.reason, expectedVersion, markAppraised: true },
    stores,
  );
}
