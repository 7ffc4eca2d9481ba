import { leadsAppraisal, unappraisedInScope } from '../../shared/domain/appraisal.ts';
import { transitions } from '../../shared/domain/assessment-workflow.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problems.ts';
import { transition } from '../../shared/store/assessment-store.ts';
import { assertState, loadContext } from '../../shared/app/assessment/assessment-context.ts';
import { roundOf } from './appraisal-scope.ts';

export const handler = httpHandler('finalizeAppraisal', async ({ params, caller }) => {
  const ctx = await loadContext(caller, params.year, params.unitId, 'appraise');
  if (!leadsAppraisal(caller)) throw problems.forbidden('only the lead appraiser (areas "*") finalises an appraisal');
  assertState(ctx.state, transitions.finalize.from, 'finalising');
  const missing = unappraisedInScope(ctx.framework, ctx.notApplicable, ctx.loaded.items, () => true);
  if (missing.length > 0) {
    throw problems.unprocessable(
      `${missing.length} leaves have no appraised score yet`,
      missing.map((code) => ({ path: `items["${code}"]`, message: 'has no appraised score' })),
    );
  }
  const next = await transition(
    caller,
    ctx.ref,
    ctx.loaded.header!,
    transitions.finalize.from,
    transitions.finalize.to,
    'appraisal.finalized',
    {
      set: { finalizedAt: new Date().toISOString() },
    },
  );
  return { body: { state: next.state, version: next.version, round: roundOf(ctx) } };
});
