/** The units a cycle assesses: its own frozen registry (shared/store/entities/cycle-unit.ts). */
import type { Unit } from '../../schemas/domain/units.ts';
import { snapshotOf, type CycleUnit } from '../../store/entities/cycle-unit.ts';

export type { CycleUnit };

export interface RegistryReads {
  getCycleRegistry(year: number): Promise<CycleUnit[] | undefined>;
  listUnits(): Promise<Unit[]>;
}

/**
 * Cycle `year`'s units. A cycle opened before cycles froze their registry has none stored; it
 * keeps reading the live registry (as it always did), so a registry change still reaches it.
 */
export async function registryOf(stores: RegistryReads, year: number): Promise<CycleUnit[]> {
  return (await stores.getCycleRegistry(year)) ?? snapshotOf(await stores.listUnits());
}
