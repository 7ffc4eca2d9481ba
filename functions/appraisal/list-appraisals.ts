import { appraisalProgress, mayAppraiseLeaf, type Assignment } from '../../shared/domain/appraisal.ts';
import { byVietnameseName } from '../../shared/domain/collation.ts';
import { appraiserCoversUnit } from '../../shared/domain/permissions.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problems.ts';
import { listAssessments } from '../../shared/store/assessment-store.ts';
import { getCycle } from '../../shared/store/cycles-store.ts';
import { listUnits } from '../../shared/store/units-store.ts';
import { frameworkOf } from '../../shared/app/assessment/assessment-context.ts';

export const handler = httpHandler('listAppraisals', async ({ params, query, caller }) => {
  const cycle = await getCycle(params.year);
  if (!cycle) throw problems.notFound(`cycle ${params.year} does not exist`);
  const isAdmin = caller.roles.includes('admin');
  // A district appraiser sees its communes; the province's appraisers departments and districts
  // (and communes directly under the province, once there is no district level).
  const types = query.type
    ? [query.type]
    : caller.district && !isAdmin
      ? ['commune' as const]
      : (['department', 'district', 'commune'] as const);
  const units = await listUnits({});
  const byId = new Map(units.map((u) => [u.id, u]));
  const parents = new Map(units.map((u) => [u.id, u.type]));
  const rows = [];
  for (const type of types) {
    const summaries = await listAssessments(params.year, type, query.state, !isAdmin ? caller.district : undefined);
    for (const summary of summaries) {
      const unit = byId.get(summary.unitId);
      if (!unit) continue;
      const ref = {
        id: unit.id,
        type: unit.type,
        parentId: unit.parentId,
        parentType: unit.parentId ? parents.get(unit.parentId) : undefined,
      };
      if (!isAdmin && !appraiserCoversUnit(caller, ref)) continue;
      const framework = await frameworkOf(summary.frameworkId);
      if (!framework) continue;
      const inScope = isAdmin ? () => true : (code: string) => mayAppraiseLeaf(caller, code, cycle.appraisal as Assignment, unit.type);
      const progress = appraisalProgress(framework, cycle.notApplicable[unit.id] ?? [], new Set(summary.appraisedCodes ?? []), inScope);
      if (progress.total === 0) continue;
      rows.push({
        unitId: unit.id,
        unitName: unit.name,
        name: unit.name,
        unitType: unit.type,
        state: summary.state,
        round: summary.round ?? 1,
        progress,
      });
    }
  }
  rows.sort(byVietnameseName);
  return { body: { assessments: rows.map(({ name: _n, ...row }) => row) } };
});
