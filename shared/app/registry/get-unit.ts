import { fail } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import type { Unit } from '../../schemas/domain/units.ts';
import { registryStores, type RegistryStores } from './stores.ts';

export async function getUnit(
  _caller: Caller,
  input: { unitId: string },
  stores: Pick<RegistryStores, 'getUnit'> = registryStores,
): Promise<Unit> {
  const unit = await stores.getUnit(input.unitId);
  if (!unit) throw fail.notFound(`unit ${input.unitId} does not exist`, 'UNIT_NOT_FOUND');
  return unit;
}
