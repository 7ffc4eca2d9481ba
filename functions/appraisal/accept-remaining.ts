import { applyAppraisal, unappraisedInScope } from '../../shared/domain/appraisal.ts';
import { appraisalStates } from '../../shared/domain/assessment-workflow.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { saveItems } from '../../shared/store/assessment-store.ts';
import { assertState, loadContext } from '../../shared/app/assessment/assessment-context.ts';
import { leafScope, roundOf } from './appraisal-scope.ts';

export const handler = httpHandler('acceptRemaining', async ({ params, caller }) => {
  const ctx = await loadContext(caller, params.year, params.unitId, 'appraise');
  assertState(ctx.state, appraisalStates, 'appraising');
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
  await saveItems(caller, ctx.ref, ctx.loaded, appraisalStates, changes, { markAppraised: true });
  return { body: { accepted: codes, version: ctx.loaded.header?.version ?? 0 } };
});
