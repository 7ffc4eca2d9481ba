/** The stores the registry use cases call (a port: the fast tier passes in-memory ones). */
import { writeUnitChanges } from '../../store/registry-store.ts';
import { getUnit, listUnits, saveUnit } from '../../store/units-store.ts';

export interface RegistryStores {
  getUnit: typeof getUnit;
  listUnits: typeof listUnits;
  saveUnit: typeof saveUnit;
  writeUnitChanges: typeof writeUnitChanges;
}

export const registryStores: RegistryStores = { getUnit, listUnits, saveUnit, writeUnitChanges };
