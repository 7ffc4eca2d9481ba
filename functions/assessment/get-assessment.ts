import { assessmentView } from '../../shared/domain/assessment.ts';
import { unitDeadline } from '../../shared/domain/deadlines.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { loadContext } from '../../shared/app/assessment/assessment-context.ts';

export const handler = httpHandler('getAssessment', async ({ params, caller }) => {
  const ctx = await loadContext(caller, params.year, params.unitId, 'read');
  const view = assessmentView(
    { framework: ctx.framework, unitId: ctx.unit.id, unitName: ctx.unit.name, notApplicable: ctx.notApplicable },
    ctx.loaded.items,
    ctx.loaded.evidence,
  );
  return {
    body: {
      year: params.year,
      unitId: ctx.unit.id,
      unitName: ctx.unit.name,
      unitType: ctx.unit.type,
      frameworkId: ctx.framework.id,
      state: ctx.state,
      version: ctx.loaded.header?.version ?? 0,
      deadline: unitDeadline(ctx.cycle, ctx.unit.id, 'selfAssessment'),
      round: ctx.loaded.header?.round ?? 1,
      ...(ctx.loaded.header?.submittedAt ? { submittedAt: ctx.loaded.header.submittedAt } : {}),
      ...(ctx.loaded.header?.lastReturn ? { lastReturn: ctx.loaded.header.lastReturn } : {}),
      ...view,
    },
  };
});
