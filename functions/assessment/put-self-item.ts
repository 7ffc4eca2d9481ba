import { applySelfItem, itemView, selfItemErrors } from '../../shared/domain/assessment.ts';
import { selfScoreStates } from '../../shared/domain/assessment-workflow.ts';
import { findApplicableLeaf } from '../../shared/domain/framework.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problems.ts';
import { saveItem } from '../../shared/store/assessment-store.ts';
import { VersionConflict } from '../../shared/store/errors.ts';
import { assertBeforeDeadline, assertState, loadContext } from '../../shared/app/assessment/assessment-context.ts';

export const handler = httpHandler('putSelfItem', async ({ params, body, caller }) => {
  const ctx = await loadContext(caller, params.year, params.unitId, 'write-own');
  const entry = findApplicableLeaf(ctx.framework, params.code, ctx.notApplicable);
  if (!entry) {
    throw problems.notFound(`leaf ${params.code} is not an applicable leaf of framework ${ctx.framework.id} for unit ${ctx.unit.id}`);
  }
  const { expectedVersion, ...input } = body;
  const errors = selfItemErrors(entry.leaf, input, ctx.loaded.evidence);
  if (errors.length > 0) throw problems.validation(errors);
  assertState(ctx.state, selfScoreStates, 'changing a self score');
  assertBeforeDeadline(ctx.cycle, ctx.state, ctx.unit.id);
  const before = ctx.loaded.items.get(params.code);
  if (expectedVersion !== undefined && expectedVersion !== (before?.version ?? 0)) {
    throw new VersionConflict(`item ${params.code}`, before ? itemView(entry, before, ctx.loaded.evidence) : null);
  }
  const saved = await saveItem(caller, ctx.ref, ctx.loaded, selfScoreStates, applySelfItem(params.code, before, input), 'self-score.set');
  return { body: itemView(entry, saved, ctx.loaded.evidence) };
});
