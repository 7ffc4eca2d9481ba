import { newCycle } from '../../domain/cycle.ts';
import { fail } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import type { Cycle, CycleBody } from '../../schemas/domain/cycles.ts';
import { cycleErrors } from './cycle-checks.ts';
import { cyclesStores, type CyclesStores } from './stores.ts';

/** Opens a cycle (phase `open`), freezing its frameworks; a second cycle for the year is CYCLE_EXISTS. */
export async function createCycle(caller: Caller, input: CycleBody, stores: CyclesStores = cyclesStores): Promise<Cycle> {
  const errors = await cycleErrors(input, stores);
  if (errors.length > 0) throw fail.invalid(errors);
  return stores.createCycle(caller, newCycle(input));
}
