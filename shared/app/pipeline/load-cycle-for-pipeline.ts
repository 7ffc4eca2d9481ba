/** Task LoadCycle: the cycle's phase and the deadlines the Wait states wait for. */
import { pipelineDeadlines } from '../../domain/pipeline.ts';
import type { Caller } from '../../domain/roles.ts';
import { cycleOf } from './cycle-of.ts';
import { pipelineStores, type PipelineStores } from './stores.ts';

export async function loadCycleForPipeline(
  _caller: Caller,
  input: { year: number },
  stores: Pick<PipelineStores, 'getCycle'> = pipelineStores,
) {
  const cycle = await cycleOf(input.year, stores);
  return { year: input.year, phase: cycle.phase, deadlines: pipelineDeadlines(cycle) };
}
