import { applySelfItem, notSelfScoredLeaf, selfItemErrors, type SelfItemInput } from '../../domain/assessment.ts';
import { selfScoreStates } from '../../domain/assessment-workflow.ts';
import { enforce, fail } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import { coordinatorRefusal, provinceLeafRefusal, provinceType } from '../../domain/province.ts';
import type { Assignment } from '../../domain/appraisal.ts';
import type { Leaf } from '../../schemas/files/framework.ts';
import type { AssessmentContext } from './assessment-context.ts';
import { writeWindow } from '../../domain/write-window.ts';
import { leafOf, loadContext, refuseSurveyLeaf } from './assessment-context.ts';
import { writeLeaf } from './leaf-writes.ts';
import { assessmentStores, type AssessmentStores } from './stores.ts';

export interface SetSelfScoreInput extends SelfItemInput {
  year: number;
  unitId: string;
  code: string;
  expectedVersion?: number;
}

/** The unit's self score of one leaf, with its figure, note and evidence links. */
export async function setSelfScore(caller: Caller, input: SetSelfScoreInput, stores: AssessmentStores = assessmentStores) {
  const { year, unitId, code, expectedVersion, ...item } = input;
  const ctx = await loadContext(caller, year, unitId, 'write-own', stores);
  const entry = leafOf(ctx, code);
  if (ctx.unit.type === provinceType) enforce(provinceWriteRefusal(caller, ctx, entry.leaf));
  else refuseSurveyLeaf(notSelfScoredLeaf(entry.leaf));
  const errors = selfItemErrors(entry.leaf, item, ctx.loaded.evidence);
  if (errors.length > 0) throw fail.invalid(errors);
  enforce(writeWindow(ctx.cycle, ctx.unit.id, ctx.state, selfScoreStates, 'changing a self score', new Date()));
  const after = applySelfItem(code, ctx.loaded.items.get(code), item);
  return writeLeaf(caller, ctx, entry, selfScoreStates, { after, action: 'self-score.set', expectedVersion }, stores);
}

/**
 * A leaf of the province's assessment: the caller's area (or the coordinator); a survey leaf the
 * Ministry publishes is entered by the coordinator only.
 */
function provinceWriteRefusal(caller: Caller, ctx: AssessmentContext, leaf: Leaf) {
  const assignment = ctx.cycle.appraisal as Assignment;
  if (leaf.method !== 'self') return coordinatorRefusal(caller, assignment, `entering the published survey leaf ${leaf.code}`);
  return provinceLeafRefusal(caller, assignment, leaf.code);
}
