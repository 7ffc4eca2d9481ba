import { applyExplanation } from '../../shared/domain/appraisal.ts';
import { itemView, selfItemErrors } from '../../shared/domain/assessment.ts';
import { explanationStates } from '../../shared/domain/assessment-workflow.ts';
import { findApplicableLeaf } from '../../shared/domain/framework.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problems.ts';
import { saveItem } from '../../shared/store/assessment-store.ts';
import { VersionConflict } from '../../shared/store/errors.ts';
import { assertBeforeDeadline, assertState, loadContext } from '../../shared/app/assessment/assessment-context.ts';
import { roundOf } from './appraisal-scope.ts';

export const handler = httpHandler('putExplanationItem', async ({ params, body, caller }) => {
  const ctx = await loadContext(caller, params.year, params.unitId, 'write-own');
  const entry = findApplicableLeaf(ctx.framework, params.code, ctx.notApplicable);
  const before = ctx.loaded.items.get(params.code);
  if (!entry || !before) {
    throw problems.notFound(`leaf ${params.code} has nothing to explain in this assessment`);
  }
  const evidence = body.evidence ?? [];
  // Evidence links are checked as for a self score; the score itself is the stored one.
  const errors = selfItemErrors(entry.leaf, { selfScore: before.selfScore ?? 0, evidence }, ctx.loaded.evidence).filter((e) =>
    e.path.startsWith('body.evidence'),
  );
  if (errors.length > 0) throw problems.validation(errors);
  assertState(ctx.state, explanationStates, 'explaining');
  assertBeforeDeadline(ctx.cycle, ctx.state, ctx.unit.id);
  if (body.expectedVersion !== undefined && body.expectedVersion !== before.version) {
    throw new VersionConflict(`item ${params.code}`, itemView(entry, before, ctx.loaded.evidence));
  }
  const after = applyExplanation(before, body.text, evidence, roundOf(ctx), caller.username, new Date().toISOString());
  const saved = await saveItem(caller, ctx.ref, ctx.loaded, explanationStates, after, 'explanation.set');
  return { body: itemView(entry, saved, ctx.loaded.evidence) };
});
