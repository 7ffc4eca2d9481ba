import { enforce, fail } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import { adminCodeRefusal, parentRefusal } from '../../domain/unit-registry.ts';
import type { PutUnitBody, Unit } from '../../schemas/domain/units.ts';
import { registryStores, type RegistryStores } from './stores.ts';

/**
 * Creates or updates a unit: the parent must fit the hierarchy and the official code be no other
 * unit's; an update holds only while the stored version is the one the client names. Status and
 * successor stay as stored (retiring and merging go through registry changes).
 */
export async function saveUnit(
  caller: Caller,
  input: PutUnitBody & { unitId: string },
  stores: RegistryStores = registryStores,
): Promise<{ unit: Unit; created: boolean }> {
  const { unitId, expectedVersion, ...fields } = input;
  const [current, parent] = await Promise.all([stores.getUnit(unitId), fields.parentId ? stores.getUnit(fields.parentId) : undefined]);
  const unit = {
    id: unitId,
    ...fields,
    status: current?.status ?? 'active',
    ...(current?.successorId ? { successorId: current.successorId } : {}),
  };
  enforce(parentRefusal(unit, parent));
  if (current && expectedVersion === undefined)
    throw fail.invalid([{ path: 'expectedVersion', message: 'required to change an existing unit' }]);
  if (unit.validFrom !== undefined && unit.validTo !== undefined && unit.validFrom > unit.validTo)
    throw fail.invalid([{ path: 'validTo', message: 'must not be before validFrom' }]);
  if (unit.adminCode) enforce(adminCodeRefusal(unit.adminCode, unitId, await stores.listUnits({})));
  // The client's version goes to the store's condition: a change since it read the unit is VERSION_CONFLICT.
  const saved = await stores.saveUnit(caller, unit, { expectedVersion, before: current });
  return { unit: saved, created: !current };
}
