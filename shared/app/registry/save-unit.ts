import { enforce, fail } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import { parentRefusal } from '../../domain/unit-registry.ts';
import type { PutUnitBody, Unit } from '../../schemas/domain/units.ts';
import { registryStores, type RegistryStores } from './stores.ts';

/**
 * Creates or updates a unit: the parent must fit the hierarchy; an update holds only while the
 * stored version is the one the client names (or, without one, the one read here).
 */
export async function saveUnit(
  caller: Caller,
  input: PutUnitBody & { unitId: string },
  stores: RegistryStores = registryStores,
): Promise<{ unit: Unit; created: boolean }> {
  const { unitId, expectedVersion, ...fields } = input;
  const unit = { id: unitId, ...fields };
  const [current, parent] = await Promise.all([stores.getUnit(unitId), unit.parentId ? stores.getUnit(unit.parentId) : undefined]);
  enforce(parentRefusal(unit, parent));
  if (current && expectedVersion === undefined)
    throw fail.invalid([{ path: 'expectedVersion', message: 'required to change an existing unit' }]);
  // The client's version goes to the store's condition: a change since it read the unit is VERSION_CONFLICT.
  const saved = await stores.saveUnit(caller, unit, { expectedVersion, before: current });
  return { unit: saved, created: !current };
}
