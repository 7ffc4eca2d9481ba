/**
 * Object-level authorisation: who reaches which unit's assessment. Decided from the verified
 * token's claims only (Caller) and the unit's registry entry. Rules answer with a refusal or nothing.
 */
import type { UnitType } from '../schemas/files/framework.ts';
import { refusal, type Refusal } from './errors.ts';
import type { Caller } from './roles.ts';

export interface UnitRef {
  id: string;
  type: UnitType;
  parentId?: string;
  /** The parent's type: communes under a district are that district's to appraise. */
  parentType?: UnitType;
  /**
   * The units the cycle's `appraisal` assignment names for this unit's type, over all codes
   * ("parent-district" stands for the commune's own district). Empty or absent: the default below.
   */
  assignedTo?: readonly string[];
}

/** The assignment's named units for a unit type, as UnitRef.assignedTo wants them. */
export function assignedUnits(assignment: Partial<Record<UnitType, Record<string, readonly string[]>>>, type: UnitType): string[] {
  return [...new Set(Object.values(assignment[type] ?? {}).flat())];
}

/**
 * Who appraises a commune: its district (the default, or "parent-district" in the assignment)
 * while it hangs under one; the province's appraisers when it hangs directly under the province
 * (no district level) or when the cycle assigns communes to named province units.
 */
function communeAppraisedBy(unit: UnitRef): { district: boolean; province: boolean } {
  const named = unit.assignedTo ?? [];
  return {
    district: unit.parentType !== 'province' && (named.length === 0 || named.includes('parent-district')),
    province: unit.parentType === 'province' || named.some((id) => id !== 'parent-district'),
  };
}

/**
 * An appraiser's reach: a district appraiser its own communes; the province's appraisers the
 * departments, the districts, and communes that hang directly under the province (no district
 * level since 2025). Nobody appraises their own unit.
 */
export function appraiserCoversUnit(caller: Caller, unit: UnitRef): boolean {
  return appraisalRefusal(caller, unit) === undefined;
}

/** Conflict of interest is decided from the appraiser's unit: a token that names none cannot be cleared. */
export function conflictOfInterest(caller: Caller): Refusal | undefined {
  if (caller.roles.includes('appraiser') && !caller.unitId) {
    return refusal('CONFLICT_OF_INTEREST', "an appraiser's token must name the appraiser's unit (custom:unitId)");
  }
  return undefined;
}

/** Why the caller may not appraise the unit's assessment, or nothing. */
export function appraisalRefusal(caller: Caller, unit: UnitRef): Refusal | undefined {
  const outside = refusal('OUTSIDE_SCOPE', `unit ${unit.id} is outside your appraisal scope`);
  if (!caller.roles.includes('appraiser') || caller.areas.length === 0) return outside;
  const conflict = conflictOfInterest(caller);
  if (conflict) return conflict;
  if (caller.unitId === unit.id) return refusal('CONFLICT_OF_INTEREST', `you may not appraise your own unit ${unit.id}`);
  if (caller.district) {
    return unit.type === 'commune' && unit.parentId === caller.district && communeAppraisedBy(unit).district ? undefined : outside;
  }
  if (unit.type === 'commune') return communeAppraisedBy(unit).province ? undefined : outside;
  return unit.type === 'department' || unit.type === 'district' ? undefined : outside;
}

/** Whether an appraiser's areas cover a leaf code: `*`, the code itself or one of its ancestors. */
export function appraiserCoversCode(caller: Caller, code: string): boolean {
  return caller.areas.some((area) => area === '*' || code === area || code.startsWith(`${area}.`));
}

export function readRefusal(caller: Caller, unit: UnitRef): Refusal | undefined {
  if (caller.roles.includes('admin') || caller.roles.includes('council')) return undefined;
  if (caller.roles.includes('unit') && caller.unitId === unit.id) return undefined;
  if (appraiserCoversUnit(caller, unit)) return undefined;
  // A unit user learns nothing about other units' assessments, not even that they exist.
  if (caller.roles.includes('unit') && caller.roles.length === 1) {
    return refusal('ASSESSMENT_NOT_FOUND', `assessment of unit ${unit.id} not found`);
  }
  return refusal('OUTSIDE_SCOPE', `unit ${unit.id} is outside your scope`);
}

/** Self scores, evidence and explanations: only the unit's own users. */
export function writeOwnRefusal(caller: Caller, unit: UnitRef): Refusal | undefined {
  if (caller.roles.includes('unit') && caller.unitId === unit.id) return undefined;
  return readRefusal(caller, unit) ?? refusal('OWN_UNIT_ONLY', `only users of unit ${unit.id} write its self-assessment`);
}
