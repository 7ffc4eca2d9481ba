import { unitDeadline } from '../../domain/deadlines.ts';
import { assessmentView } from '../../domain/assessment.ts';
import type { Assignment } from '../../domain/appraisal.ts';
import { coordinatesProvince, provinceCoordinators, provinceLeafRefusal, provinceType } from '../../domain/province.ts';
import type { Caller } from '../../domain/roles.ts';
import { loadContext } from './assessment-context.ts';
import { assessmentStores, type AssessmentStores } from './stores.ts';

export interface AssessmentInput {
  year: number;
  unitId: string;
}

/** A unit's assessment: every applicable leaf with its scores, evidence and explanations, and the totals. */
export async function getAssessment(caller: Caller, input: AssessmentInput, stores: AssessmentStores = assessmentStores) {
  const ctx = await loadContext(caller, input.year, input.unitId, 'read', stores);
  const header = ctx.loaded.header;
  const view = assessmentView(
    { framework: ctx.framework, unitId: ctx.unit.id, unitName: ctx.unit.name, notApplicable: ctx.notApplicable },
    ctx.loaded.items,
    ctx.loaded.evidence,
  );
  return {
    year: input.year,
    unitId: ctx.unit.id,
    unitName: ctx.unit.name,
    unitType: ctx.unit.type,
    frameworkId: ctx.framework.id,
    state: ctx.state,
    version: header?.version ?? 0,
    deadline: unitDeadline(ctx.cycle, ctx.unit.id, 'selfAssessment'),
    round: header?.round ?? 1,
    ...(header?.submittedAt ? { submittedAt: header.submittedAt } : {}),
    ...(header?.lastReturn ? { lastReturn: header.lastReturn } : {}),
    ...view,
    ...(ctx.unit.type === provinceType ? { collaboration: collaboration(caller, ctx.cycle.appraisal as Assignment, view.items) } : {}),
  };
}

/** Who does what on the province's assessment, as the caller's console needs it. */
function collaboration(caller: Caller, assignment: Assignment, items: readonly { code: string; method: string }[]) {
  const coordinator = coordinatesProvince(caller, assignment);
  return {
    coordinator,
    coordinators: provinceCoordinators(assignment),
    writableCodes: items
      .filter((i) => (i.method === 'self' ? provinceLeafRefusal(caller, assignment, i.code) === undefined : coordinator))
      .map((i) => i.code),
    assignment: assignment.province ?? {},
  };
}
