import { submissionGaps } from '../../shared/domain/assessment.ts';
import { transitions } from '../../shared/domain/assessment-workflow.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problems.ts';
import { transition } from '../../shared/store/assessment-store.ts';
import { assertBeforeDeadline, assertState, loadContext } from '../../shared/app/assessment/assessment-context.ts';

export const handler = httpHandler('submitAssessment', async ({ params, caller }) => {
  const ctx = await loadContext(caller, params.year, params.unitId, 'write-own');
  const header = ctx.loaded.header;
  // A retried submit answers as the first did, and records nothing more.
  if (header?.state === 'submitted' && header.submittedAt) {
    return { body: { state: header.state, version: header.version, submittedAt: header.submittedAt } };
  }
  assertState(ctx.state, transitions.submit.from, 'submitting');
  assertBeforeDeadline(ctx.cycle, ctx.state, ctx.unit.id);
  const gaps = submissionGaps(ctx.framework, ctx.notApplicable, ctx.loaded.items, ctx.loaded.evidence);
  if (!header || gaps.length > 0) {
    throw problems.unprocessable(
      `the assessment is not complete: ${gaps.length} leaves need attention`,
      gaps.map((g) => ({ path: `items["${g.code}"]`, message: g.problem })),
    );
  }
  const submittedAt = new Date().toISOString();
  const next = await transition(caller, ctx.ref, header, transitions.submit.from, transitions.submit.to, 'assessment.submitted', {
    set: { submittedAt },
  });
  return { body: { state: next.state, version: next.version, submittedAt } };
});
