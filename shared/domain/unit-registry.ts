/** Rules of the unit registry: the hierarchy is data, so only its shape is checked here. */
import type { UnitType } from '../schemas/files/framework.ts';
import { refusal, type Refusal } from './errors.ts';

/** Which parent types a unit may hang under. Communes may sit under the province (the 2025 reform). */
const allowedParents: Record<UnitType, readonly UnitType[]> = {
  province: [],
  department: ['province'],
  district: ['province'],
  commune: ['district', 'province'],
};

export function parentRuleViolation(
  unit: { id: string; type: UnitType; parentId?: string },
  parent: { id: string; type: UnitType } | undefined,
): string | undefined {
  if (!unit.parentId) {
    return unit.type === 'province' ? undefined : `a ${unit.type} needs a parentId`;
  }
  if (unit.parentId === unit.id) return 'a unit cannot be its own parent';
  if (!parent) return `parent unit ${unit.parentId} does not exist`;
  if (!allowedParents[unit.type].includes(parent.type)) {
    return `a ${unit.type} cannot hang under a ${parent.type} (allowed: ${allowedParents[unit.type].join(', ') || 'none'})`;
  }
  return undefined;
}

/** The hierarchy rule as a refusal on the input's `parentId`. */
export function parentRefusal(
  unit: { id: string; type: UnitType; parentId?: string },
  parent: { id: string; type: UnitType } | undefined,
): Refusal | undefined {
  const violation = parentRuleViolation(unit, parent);
  if (!violation) return undefined;
  return refusal('PARENT_RULE', violation, { errors: [{ path: 'parentId', message: violation }], errorsAt: 'input' });
}

/** Official codes are unique: `code` may not be held by a unit other than `unitId`. */
export function adminCodeRefusal(code: string, unitId: string, units: readonly { id: string; adminCode?: string }[]): Refusal | undefined {
  const holder = units.find((u) => u.adminCode === code && u.id !== unitId);
  if (!holder) return undefined;
  return refusal('DUPLICATE_ADMIN_CODE', `unit ${holder.id} already holds adminCode ${code}`, {
    unitId: holder.id,
    adminCode: code,
    errors: [{ path: 'adminCode', message: `already held by unit ${holder.id}` }],
    errorsAt: 'input',
  });
}
