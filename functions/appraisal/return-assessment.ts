import { transitions } from '../../shared/domain/assessment-workflow.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { transition } from '../../shared/store/assessment-store.ts';
import { assertState, loadContext } from '../../shared/app/assessment/assessment-context.ts';
import { roundOf } from './appraisal-scope.ts';

export const handler = httpHandler('returnAssessment', async ({ params, body, caller }) => {
  const ctx = await loadContext(caller, params.year, params.unitId, 'appraise');
  assertState(ctx.state, transitions.return.from, 'returning for explanation');
  const lastReturn = { message: body.message, by: caller.username, at: new Date().toISOString() };
  const next = await transition(
    caller,
    ctx.ref,
    ctx.loaded.header!,
    transitions.return.from,
    transitions.return.to,
    'assessment.returned',
    {
      reason: body.message,
      set: { lastReturn },
    },
  );
  return { body: { state: next.state, version: next.version, round: roundOf(ctx) } };
});
