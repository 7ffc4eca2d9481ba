import { transitions } from '../../shared/domain/assessment-workflow.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { transition } from '../../shared/store/assessment-store.ts';
import { assertState, loadContext } from '../../shared/app/assessment/assessment-context.ts';
import { roundOf } from './appraisal-scope.ts';

export const handler = httpHandler('reopenAssessment', async ({ params, body, caller }) => {
  const ctx = await loadContext(caller, params.year, params.unitId, 'read');
  assertState(ctx.state, transitions.reopen.from, 'reopening');
  const next = await transition(caller, ctx.ref, ctx.loaded.header!, transitions.reopen.from, transitions.reopen.to, 'appraisal.reopened', {
    reason: body.reason,
  });
  return { body: { state: next.state, version: next.version, round: roundOf(ctx) } };
});
