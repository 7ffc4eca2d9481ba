import { transitions } from '../../shared/domain/assessment-workflow.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { transition } from '../../shared/store/assessment-store.ts';
import { assertBeforeDeadline, assertState, loadContext } from '../../shared/app/assessment/assessment-context.ts';
import { roundOf } from './appraisal-scope.ts';

export const handler = httpHandler('submitExplanations', async ({ params, caller }) => {
  const ctx = await loadContext(caller, params.year, params.unitId, 'write-own');
  assertState(ctx.state, transitions.explain.from, 'handing in explanations');
  assertBeforeDeadline(ctx.cycle, ctx.state, ctx.unit.id);
  // The appraisal that follows an explanation is the next round; earlier rounds stay as they were.
  const round = roundOf(ctx) + 1;
  const next = await transition(
    caller,
    ctx.ref,
    ctx.loaded.header!,
    transitions.explain.from,
    transitions.explain.to,
    'explanations.submitted',
    {
      set: { round },
    },
  );
  return { body: { state: next.state, version: next.version, round } };
});
