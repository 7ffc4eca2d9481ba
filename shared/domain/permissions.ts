/**
 * Object-level authorisation: who reaches which unit's assessment. Decided from the verified
 * token's claims only (Caller) and the unit's registry entry.
 */
import type { UnitType } from '../schemas/framework.ts';
import type { Caller } from './roles.ts';

export interface UnitRef {
  id: string;
  type: UnitType;
  parentId?: string;
  /** The parent's type: communes under a district are that district's to appraise. */
  parentType?: UnitType;
}

export type Access = { ok: true } | { ok: false; status: 403 | 404; reason: string };

const allowed: Access = { ok: true };

/**
 * An appraiser's reach: a district appraiser its own communes; the province's appraisers the
 * departments, the districts, and communes that hang directly under the province (no district
 * level since 2025). Nobody appraises their own unit.
 */
export function appraiserCoversUnit(caller: Caller, unit: UnitRef): boolean {
  if (!caller.roles.includes('appraiser') || caller.areas.length === 0) return false;
  if (caller.unitId === unit.id) return false;
  if (caller.district) return unit.type === 'commune' && unit.parentId === caller.district;
  if (unit.type === 'commune') return unit.parentType === 'province';
  return unit.type === 'department' || unit.type === 'district';
}

/** Whether an appraiser's areas cover a leaf code: `*`, the code itself or one of its ancestors. */
export function appraiserCoversCode(caller: Caller, code: string): boolean {
  return caller.areas.some((area) => area === '*' || code === area || code.startsWith(`${area}.`));
}

export function canReadAssessment(caller: Caller, unit: UnitRef): Access {
  if (caller.roles.includes('admin') || caller.roles.includes('council')) return allowed;
  if (caller.roles.includes('unit') && caller.unitId === unit.id) return allowed;
  if (appraiserCoversUnit(caller, unit)) return allowed;
  // A unit user learns nothing about other units' assessments, not even that they exist.
  if (caller.roles.includes('unit') && caller.roles.length === 1)
    return { ok: false, status: 404, reason: `assessment of unit ${unit.id} not found` };
  return { ok: false, status: 403, reason: `unit ${unit.id} is outside your scope` };
}

/** Self scores, evidence and explanations: only the unit's own users. */
export function canWriteOwnAssessment(caller: Caller, unit: UnitRef): Access {
  if (caller.roles.includes('unit') && caller.unitId === unit.id) return allowed;
  const read = canReadAssessment(caller, unit);
  if (!read.ok) return read;
  return { ok: false, status: 403, reason: `only users of unit ${unit.id} write its self-assessment` };
}
