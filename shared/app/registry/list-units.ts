import { byVietnameseName } from '../../domain/collation.ts';
import type { Caller } from '../../domain/roles.ts';
import type { UnitType } from '../../schemas/files/framework.ts';
import type { Unit } from '../../schemas/domain/units.ts';
import { registryStores, type RegistryStores } from './stores.ts';

/** The registry filtered by type and parent, in Vietnamese name order. */
export async function listUnits(
  _caller: Caller,
  input: { type?: UnitType; parent?: string },
  stores: Pick<RegistryStores, 'listUnits'> = registryStores,
): Promise<{ units: Unit[] }> {
  const units = await stores.listUnits(input);
  return { units: units.sort(byVietnameseName) };
}
