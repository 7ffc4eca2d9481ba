/**
 * What every assessment route needs before it acts: the cycle, the unit, its framework and
 * exemptions, the caller's access to the unit, and the assessment itself (one Query).
 */
import type { AssessmentState } from '../../domain/assessment-workflow.ts';
import { DomainError, enforce, fail, refusal, type Refusal } from '../../domain/errors.ts';
import { findApplicableLeaf, type LeafEntry } from '../../domain/framework.ts';
import { appraisalRefusal, assignedUnits, readRefusal, writeOwnRefusal, type UnitRef } from '../../domain/permissions.ts';
import type { Assignment } from '../../domain/appraisal.ts';
import { contributesToProvince, provinceType } from '../../domain/province.ts';
import type { Caller } from '../../domain/roles.ts';
import type { Cycle } from '../../schemas/domain/cycles.ts';
import type { Framework } from '../../schemas/files/framework.ts';
import type { AssessmentRef, LoadedAssessment } from '../../store/assessment-store.ts';
import type { CycleUnit } from '../cycles/cycle-registry.ts';
import { assessmentStores, frameworkOf, type AssessmentStores } from './stores.ts';

export { frameworkOf };

export interface AssessmentContext {
  cycle: Cycle;
  /** The unit as the cycle's registry has it (its parent then, not now). */
  unit: CycleUnit;
  framework: Framework;
  notApplicable: string[];
  ref: AssessmentRef;
  loaded: LoadedAssessment;
  state: AssessmentState;
}

export type Intent = 'read' | 'write-own' | 'appraise';

function accessRefusal(intent: Intent, caller: Caller, unit: UnitRef, assignment: Assignment): Refusal | undefined {
  if (unit.type === provinceType) return provinceAccessRefusal(intent, caller, unit, assignment);
  if (intent === 'read') return readRefusal(caller, unit);
  if (intent === 'write-own') return writeOwnRefusal(caller, unit);
  return appraisalRefusal(caller, unit);
}

/**
 * The province's assessment is written by the departments the cycle assigns areas to (each leaf
 * is checked again against its area: shared/domain/province.ts); nobody in the province appraises it.
 */
function provinceAccessRefusal(intent: Intent, caller: Caller, unit: UnitRef, assignment: Assignment): Refusal | undefined {
  const contributor = contributesToProvince(caller, assignment);
  if (intent === 'appraise') return appraisalRefusal(caller, unit);
  if (intent === 'read') return contributor ? undefined : readRefusal(caller, unit);
  if (contributor) return undefined;
  return (
    readRefusal(caller, unit) ?? refusal('AREA_NOT_ASSIGNED', `the cycle assigns you no area of the province assessment of ${unit.id}`)
  );
}

export async function loadContext(
  caller: Caller,
  year: number,
  unitId: string,
  intent: Intent,
  stores: AssessmentStores = assessmentStores,
): Promise<AssessmentContext> {
  // The assessment's key needs only year and unit, so its Query runs alongside the look-ups;
  // nothing of it is used or shown before the access check below.
  const fresh = intent !== 'read';
  const [cycle, unit, loaded] = await Promise.all([
    stores.getCycle(year, fresh),
    unitOfCycle(stores, year, unitId, fresh),
    stores.loadAssessment(year, unitId),
  ]);
  // Existence is told only to those who may see it: a unit user asking for another unit gets 404 either way.
  if (!unit) throw new DomainError('ASSESSMENT_NOT_FOUND', `assessment of unit ${unitId} not found`);
  const assignedTo = cycle ? assignedUnits(cycle.appraisal, unit.type) : [];
  enforce(accessRefusal(intent, caller, { ...unit, assignedTo }, (cycle?.appraisal ?? {}) as Assignment));
  if (!cycle) throw new DomainError('CYCLE_NOT_FOUND', `cycle ${year} does not exist`);
  const frameworkId = cycle.frameworks[unit.type];
  const framework = frameworkId ? await stores.frameworkOf(frameworkId) : undefined;
  if (!frameworkId || !framework) throw new DomainError('FRAMEWORK_NOT_FOUND', `cycle ${year} assesses no ${unit.type} units`);
  return {
    cycle,
    unit,
    framework,
    notApplicable: cycle.notApplicable[unit.id] ?? [],
    ref: { year, unitId, unitType: unit.type, frameworkId, parentId: unit.parentId },
    loaded,
    state: loaded.header?.state ?? 'draft',
  };
}

/**
 * The unit in cycle `year`'s registry (so a later move under another parent does not change who
 * may appraise it in this cycle); a cycle without a frozen registry reads the live one.
 */
async function unitOfCycle(stores: AssessmentStores, year: number, unitId: string, fresh: boolean): Promise<CycleUnit | undefined> {
  const registry = await stores.getCycleRegistry(year);
  if (registry) return registry.find((u) => u.id === unitId);
  const unit = await stores.getUnit(unitId, fresh);
  if (!unit) return undefined;
  const parent = unit.parentId ? await stores.getUnit(unit.parentId, fresh) : undefined;
  return { id: unit.id, type: unit.type, name: unit.name, parentId: unit.parentId, parentType: parent?.type };
}

/** The applicable leaf `code` of the context's framework, or LEAF_NOT_FOUND. */
export function leafOf(ctx: AssessmentContext, code: string): LeafEntry {
  const entry = findApplicableLeaf(ctx.framework, code, ctx.notApplicable);
  if (!entry) {
    throw new DomainError(
      'LEAF_NOT_FOUND',
      `leaf ${code} is not an applicable leaf of framework ${ctx.framework.id} for unit ${ctx.unit.id}`,
    );
  }
  return entry;
}

/** The appraisal round the assessment is in. */
export function roundOf(ctx: AssessmentContext): number {
  return ctx.loaded.header?.round ?? 1;
}

/** A leaf the path names that takes no self score: the error points at the path, not the body. */
export function refuseSurveyLeaf(message: string | undefined): void {
  if (message) throw fail.invalid([{ path: 'path.code', message }], 'resource');
}
