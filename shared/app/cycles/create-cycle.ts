import { newCycle } from '../../domain/cycle.ts';
import { fail } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import type { Cycle, CycleBody } from '../../schemas/cycles.ts';
import { snapshotOf } from '../../store/entities/cycle-unit.ts';
import { cycleErrors } from './cycle-checks.ts';
import { cyclesStores, type CyclesStores } from './stores.ts';

/**
 * Opens a cycle (phase `open`), freezing its frameworks and the registry of the unit types it
 * assesses (later registry changes apply to cycles opened afterwards); a second cycle for the
 * year is CYCLE_EXISTS.
 */
export async function createCycle(caller: Caller, input: CycleBody, stores: CyclesStores = cyclesStores): Promise<Cycle> {
  const errors = await cycleErrors(input, stores);
  if (errors.length > 0) throw fail.invalid(errors);
  const cycle = newCycle(input);
  return stores.createCycle(caller, cycle, await cycleSnapshot(cycle, stores));
}

/** The live registry as the cycle will see it: the assessed types, each with its parent's type. */
export async function cycleSnapshot(cycle: Cycle, stores: Pick<CyclesStores, 'listUnits'>) {
  const assessed = new Set(Object.keys(cycle.frameworks));
  return snapshotOf(await stores.listUnits({})).filter((u) => assessed.has(u.type));
}
