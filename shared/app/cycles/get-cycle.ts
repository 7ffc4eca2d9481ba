import { fail } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import type { Cycle } from '../../schemas/domain/cycles.ts';
import { cyclesStores, type CyclesStores } from './stores.ts';

export async function getCycle(
  _caller: Caller,
  input: { year: number },
  stores: Pick<CyclesStores, 'getCycle'> = cyclesStores,
): Promise<Cycle> {
  const cycle = await stores.getCycle(input.year);
  if (!cycle) throw fail.notFound(`cycle ${input.year} does not exist`, 'CYCLE_NOT_FOUND');
  return cycle;
}
