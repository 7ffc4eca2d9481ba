/**
 * The province's own self-assessment (plan II.1): several departments fill it, each the areas the
 * cycle's `appraisal.province` assignment gives it (the same area assignment appraisal uses: the
 * most specific code wins, 7.4 over 7); the units assigned `*` coordinate (Sở Nội vụ): they see
 * and may edit everything, enter the survey leaves when the Ministry publishes them, and alone
 * submit. The Ministry, not a provincial appraiser, appraises it.
 */
import type { UnitType } from '../schemas/files/framework.ts';
import { assignedAppraisers, type Assignment } from './appraisal.ts';
import { refusal, type Refusal } from './errors.ts';
import type { Caller } from './roles.ts';

export const provinceType: UnitType = 'province';

/** Unit types the province's own councils appraise and rank; the province itself is the Ministry's. */
export function locallyAppraised(type: UnitType): boolean {
  return type !== provinceType;
}

function forProvince(assignment: Assignment): Record<string, string[]> {
  return assignment.province ?? {};
}

/** The units that coordinate the province's assessment: those the cycle assigns `*`. */
export function provinceCoordinators(assignment: Assignment): string[] {
  return forProvince(assignment)['*'] ?? [];
}

/** Every unit the cycle names for some area of the province's assessment. */
export function provinceContributors(assignment: Assignment): string[] {
  return [...new Set(Object.values(forProvince(assignment)).flat())];
}

function unitUser(caller: Caller): string | undefined {
  return caller.roles.includes('unit') ? caller.unitId : undefined;
}

/** The coordinator, or an administrator (the system is run by Sở Nội vụ's administrators). */
export function coordinatesProvince(caller: Caller, assignment: Assignment): boolean {
  if (caller.roles.includes('admin')) return true;
  const unitId = unitUser(caller);
  return unitId !== undefined && provinceCoordinators(assignment).includes(unitId);
}

/** Whether a unit user takes part in the province's assessment (reads all of it, writes its areas). */
export function contributesToProvince(caller: Caller, assignment: Assignment): boolean {
  const unitId = unitUser(caller);
  return unitId !== undefined && provinceContributors(assignment).includes(unitId);
}

/** Why the caller may not write leaf `code` of the province's assessment, or nothing. */
export function provinceLeafRefusal(caller: Caller, assignment: Assignment, code: string): Refusal | undefined {
  if (coordinatesProvince(caller, assignment)) return undefined;
  const assigned = assignedAppraisers(assignment, provinceType, code) ?? [];
  const unitId = unitUser(caller);
  if (unitId !== undefined && assigned.includes(unitId)) return undefined;
  const owners = assigned.length > 0 ? assigned.join(', ') : 'no department';
  return refusal('AREA_NOT_ASSIGNED', `leaf ${code} of the province assessment is assigned to ${owners}, not to ${unitId ?? 'you'}`, {
    assignedTo: assigned,
  });
}

/** Submitting, survey leaves: the coordinator's alone. */
export function coordinatorRefusal(caller: Caller, assignment: Assignment, what: string): Refusal | undefined {
  if (coordinatesProvince(caller, assignment)) return undefined;
  const names = provinceCoordinators(assignment).join(', ') || 'the coordinator';
  return refusal('COORDINATOR_ONLY', `only ${names} (coordinating the province assessment) may do this: ${what}`);
}

/** The Ministry's score is recorded by an administrator or the coordinator. */
export function ministryScoreRefusal(caller: Caller, assignment: Assignment): Refusal | undefined {
  return coordinatorRefusal(caller, assignment, "recording the Ministry's score");
}

/** The leaf codes the caller may write, for the console: all for the coordinator, else its areas. */
export function writableCodes(caller: Caller, assignment: Assignment, codes: readonly string[]): string[] {
  return codes.filter((code) => provinceLeafRefusal(caller, assignment, code) === undefined);
}
