import { byVietnameseName } from '../../domain/collation.ts';
import { fail } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import { getCycle, getCycleRegistry } from '../../store/cycles-store.ts';
import { listUnits } from '../../store/units-store.ts';
import { registryOf } from './cycle-registry.ts';

/** Cycle `year`'s units in Vietnamese name order; `frozen` is false for a cycle that reads the live registry. */
export async function cycleRegistry(_caller: Caller, input: { year: number }, stores = { getCycle, getCycleRegistry, listUnits }) {
  if (!(await stores.getCycle(input.year))) throw fail.notFound(`cycle ${input.year} does not exist`, 'CYCLE_NOT_FOUND');
  const frozen = (await stores.getCycleRegistry(input.year)) !== undefined;
  const units = await registryOf({ getCycleRegistry: stores.getCycleRegistry, listUnits: () => stores.listUnits({}) }, input.year);
  return { year: input.year, frozen, units: units.sort(byVietnameseName) };
}
