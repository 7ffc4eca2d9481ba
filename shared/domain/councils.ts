/**
 * Councils per level (Decision 2722, plan II.3): the provincial council approves departments and
 * districts; each district's council approves its own communes, with its own decision. Where the
 * cycle has no district level (communes under the province, or the cycle's appraisal assignment
 * gives communes to named province units) the provincial council approves the communes too.
 * Which council owns a unit is decided from the cycle's own registry, never the live one.
 */
import type { UnitType } from '../schemas/files/framework.ts';
import { refusal, type Refusal } from './errors.ts';
import { assignedUnits } from './permissions.ts';
import type { Caller } from './roles.ts';

/** A council's key: `province`, or the district's unit id. */
export type CouncilKey = string;
export const provinceCouncil = 'province';

export interface CouncilUnit {
  id: string;
  type: UnitType;
  parentId?: string;
  parentType?: UnitType;
}

export interface CouncilCycle {
  year: number;
  frameworks: Partial<Record<UnitType, string>>;
  appraisal: Partial<Record<UnitType, Record<string, readonly string[]>>>;
}

/** The caller's council: a council token with `custom:district` is that district's council. */
export function councilOfCaller(caller: Caller): CouncilKey {
  return caller.district ?? provinceCouncil;
}

/** The council that approves a unit's result in a cycle (same rule as who appraises a commune). */
export function councilOfUnit(unit: CouncilUnit, cycle: Pick<CouncilCycle, 'appraisal'>): CouncilKey {
  if (unit.type !== 'commune' || !unit.parentId || unit.parentType !== 'district') return provinceCouncil;
  const named = assignedUnits(cycle.appraisal, 'commune');
  return named.length === 0 || named.includes('parent-district') ? unit.parentId : provinceCouncil;
}

/** Unit id → council, over the units the cycle assesses (a framework for their type). */
export function councilsOfUnits(cycle: CouncilCycle, registry: readonly CouncilUnit[]): Map<string, CouncilKey> {
  return new Map(registry.filter((u) => cycle.frameworks[u.type]).map((u) => [u.id, councilOfUnit(u, cycle)]));
}

/** Every council the cycle needs: the province always (it publishes the year), then each district that owns communes. */
export function requiredCouncils(cycle: CouncilCycle, registry: readonly CouncilUnit[]): CouncilKey[] {
  const districts = new Set([...councilsOfUnits(cycle, registry).values()].filter((k) => k !== provinceCouncil));
  return [provinceCouncil, ...[...districts].sort()];
}

/**
 * Why the caller may not act for council `target` (computing, approving its draft; or reading it),
 * or nothing. Admins read and compute any council's draft; only councils approve (the route says
 * so). Reading is wider than acting: the provincial council oversees the district councils' drafts.
 */
export function councilRefusal(
  caller: Caller,
  target: CouncilKey,
  cycle: CouncilCycle,
  required: readonly CouncilKey[],
  purpose: 'act' | 'read' = 'act',
): Refusal | undefined {
  const own = caller.roles.includes('council') ? councilOfCaller(caller) : undefined;
  if (caller.roles.includes('admin') && target === provinceCouncil) return undefined;
  if (!required.includes(target)) {
    return refusal(
      'COUNCIL_NOT_IN_CYCLE',
      `cycle ${cycle.year} has no council for district ${target}: its communes (if any) are approved by the provincial council`,
    );
  }
  if (caller.roles.includes('admin')) return undefined;
  if (own === target || (own === provinceCouncil && purpose === 'read')) return undefined;
  if (own === provinceCouncil) {
    return refusal('COUNCIL_OUTSIDE_SCOPE', `the communes of ${target} are approved by its district council, not the provincial council`);
  }
  return refusal('COUNCIL_OUTSIDE_SCOPE', `your council is district ${own}'s; the units of ${target} are another council's`);
}

/** Draft and publication keys of a council: the province keeps the keys it always had. */
export const councilSuffix = (council: CouncilKey) => (council === provinceCouncil ? '' : `#${council}`);

/** How a published unit names the decision that published it (public API, history, reports). */
export interface PublishedBy {
  council: 'province' | 'district';
  district?: string;
  decision: string;
  approvedAt: string;
}

export function publishedBy(council: CouncilKey, decision: string, approvedAt: string): PublishedBy {
  return council === provinceCouncil
    ? { council: 'province', decision, approvedAt }
    : { council: 'district', district: council, decision, approvedAt };
}
