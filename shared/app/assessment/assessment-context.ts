/**
 * What every assessment route needs before it acts: the cycle, the unit, its framework and
 * exemptions, the caller's access to the unit, and the assessment itself (one Query).
 */
import type { AssessmentState } from '../../domain/assessment-workflow.ts';
import { unitDeadline } from '../../domain/deadlines.ts';
import { appraiserCoversUnit, canReadAssessment, canWriteOwnAssessment, type UnitRef } from '../../domain/permissions.ts';
import type { Caller } from '../../domain/roles.ts';
import { problems } from '../../http/problems.ts';
import type { Cycle } from '../../schemas/cycles.ts';
import type { Framework } from '../../schemas/framework.ts';
import type { Unit } from '../../schemas/units.ts';
import { loadAssessment, type AssessmentRef, type LoadedAssessment } from '../../store/assessment-store.ts';
import { getCycle } from '../../store/cycles-store.ts';
import { getFramework } from '../../store/frameworks-store.ts';
import { getUnit } from '../../store/units-store.ts';
import { cachedRead } from '../../store/read-cache.ts';

const referenceTtlMs = 10_000;

// A framework used by a cycle is frozen, so a warm function may keep it.
const frozenFrameworks = new Map<string, Framework>();

export async function frameworkOf(id: string): Promise<Framework | undefined> {
  const cached = frozenFrameworks.get(id);
  if (cached) return cached;
  const stored = await getFramework(id);
  if (stored && stored.usedBy.length > 0) frozenFrameworks.set(id, stored.framework);
  return stored?.framework;
}

export interface AssessmentContext {
  cycle: Cycle;
  unit: Unit;
  framework: Framework;
  notApplicable: string[];
  ref: AssessmentRef;
  loaded: LoadedAssessment;
  state: AssessmentState;
}

export type Intent = 'read' | 'write-own' | 'appraise';

function accessFor(intent: Intent, caller: Caller, unit: UnitRef) {
  if (intent === 'read') return canReadAssessment(caller, unit);
  if (intent === 'write-own') return canWriteOwnAssessment(caller, unit);
  return appraiserCoversUnit(caller, unit)
    ? ({ ok: true } as const)
    : ({ ok: false, status: 403, reason: `unit ${unit.id} is outside your appraisal scope` } as const);
}

export async function loadContext(caller: Caller, year: number, unitId: string, intent: Intent): Promise<AssessmentContext> {
  // The assessment's key needs only year and unit, so its Query runs alongside the look-ups;
  // nothing of it is used or shown before the access check below.
  // Reads may use a few seconds' old cycle and unit (an extended deadline shows a moment later);
  // writes read them fresh, since the deadline and the unit decide whether the write may happen.
  const fresh = intent !== 'read';
  const [cycle, unit, loaded] = await Promise.all([
    fresh ? getCycle(year) : cachedRead(`cycle#${year}`, referenceTtlMs, () => getCycle(year)),
    fresh ? getUnit(unitId) : cachedRead(`unit#${unitId}`, referenceTtlMs, () => getUnit(unitId)),
    loadAssessment(year, unitId),
  ]);
  // Existence is told only to those who may see it: a unit user asking for another unit gets 404 either way.
  if (!unit) throw problems.notFound(`assessment of unit ${unitId} not found`);
  const parent = unit.type === 'commune' && unit.parentId && caller.roles.includes('appraiser') ? await getUnit(unit.parentId) : undefined;
  const unitRef: UnitRef = { id: unit.id, type: unit.type, parentId: unit.parentId, parentType: parent?.type };
  const access = accessFor(intent, caller, unitRef);
  if (!access.ok) throw access.status === 404 ? problems.notFound(access.reason) : problems.forbidden(access.reason);
  if (!cycle) throw problems.notFound(`cycle ${year} does not exist`);
  const frameworkId = cycle.frameworks[unit.type];
  const framework = frameworkId ? await frameworkOf(frameworkId) : undefined;
  if (!frameworkId || !framework) throw problems.notFound(`cycle ${year} assesses no ${unit.type} units`);
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
 * A unit's writes close at its deadline (server time; an admin may extend it for the cycle or for
 * this unit): the self-assessment deadline before submission, the explanation deadline while returned.
 */
export function assertBeforeDeadline(cycle: Cycle, state: AssessmentState = 'draft', unitId = '', now = new Date()): void {
  const which = state === 'returned' ? 'explanation' : 'selfAssessment';
  const deadline = unitDeadline(cycle, unitId, which);
  if (now.getTime() > Date.parse(deadline)) {
    throw problems.conflict(`the ${which === 'explanation' ? 'explanation' : 'self-assessment'} deadline (${deadline}) has passed`, {
      deadline,
    });
  }
}

export function assertState(state: AssessmentState, allowed: readonly AssessmentState[], what: string): void {
  if (!allowed.includes(state)) {
    throw problems.conflict(`${what} is not possible while the assessment is "${state}" (allowed in: ${allowed.join(', ')})`, { state });
  }
}
