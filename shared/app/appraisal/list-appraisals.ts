import { appraisalProgress, mayAppraiseLeaf, type Assignment } from '../../domain/appraisal.ts';
import type { AssessmentState } from '../../domain/assessment-workflow.ts';
import { byVietnameseName } from '../../domain/collation.ts';
import { DomainError, enforce } from '../../domain/errors.ts';
import { appraiserCoversUnit, assignedUnits, conflictOfInterest } from '../../domain/permissions.ts';
import type { Caller } from '../../domain/roles.ts';
import type { UnitType } from '../../schemas/files/framework.ts';
import { assessmentStores, type AssessmentStores } from '../assessment/stores.ts';
import { registryOf } from '../cycles/cycle-registry.ts';

export interface ListAppraisalsInput {
  year: number;
  type?: UnitType;
  state?: AssessmentState;
}

/** Which unit types a caller's worklist spans when the query names none. */
function typesFor(caller: Caller, type: UnitType | undefined, isAdmin: boolean): readonly UnitType[] {
  if (type) return [type];
  // A district appraiser sees its communes; the province's appraisers departments and districts
  // (and communes directly under the province, once there is no district level).
  return caller.district && !isAdmin ? ['commune'] : ['department', 'district', 'commune'];
}

/** The worklist: the assessments in the caller's scope with appraisal progress, in Vietnamese order. */
export async function listAppraisals(caller: Caller, input: ListAppraisalsInput, stores: AssessmentStores = assessmentStores) {
  const cycle = await stores.getCycle(input.year, false);
  if (!cycle) throw new DomainError('CYCLE_NOT_FOUND', `cycle ${input.year} does not exist`);
  const isAdmin = caller.roles.includes('admin');
  if (!isAdmin) enforce(conflictOfInterest(caller));
  // The cycle's own registry: who a unit's parent is was fixed when the cycle opened.
  const units = await registryOf(stores, input.year);
  const byId = new Map(units.map((u) => [u.id, u]));
  const rows = [];
  for (const type of typesFor(caller, input.type, isAdmin)) {
    for (const summary of await stores.listAssessments(input.year, type, input.state, !isAdmin ? caller.district : undefined)) {
      const unit = byId.get(summary.unitId);
      if (!unit) continue;
      if (!isAdmin && !appraiserCoversUnit(caller, { ...unit, assignedTo: assignedUnits(cycle.appraisal, unit.type) })) continue;
      const framework = await stores.frameworkOf(summary.frameworkId);
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
  return { assessments: rows.map(({ name: _n, ...row }) => row) };
}
