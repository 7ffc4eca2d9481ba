import { fail } from '../../domain/errors.ts';
import type { Cycle } from '../../schemas/domain/cycles.ts';
import type { PipelineStores } from './stores.ts';

export async function cycleOf(year: number, stores: Pick<PipelineStores, 'getCycle'>): Promise<Cycle> {
  const cycle = await stores.getCycle(year);
  if (!cycle) throw fail.notFound(`cycle ${year} does not exist: open it (POST /v1/cycles) before the pipeline runs`, 'CYCLE_NOT_FOUND');
  return cycle;
}
