/** The input every pipeline task receives from the state machine (its `Parameters`). */
import { z } from 'zod';
import { PipelineError } from '../../shared/domain/pipeline.ts';
import type { Cycle } from '../../shared/schemas/cycles.ts';
import { getCycle } from '../../shared/store/cycles-store.ts';

export const taskInput = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  execution: z.string().optional(),
});
export type TaskInput = z.infer<typeof taskInput>;

export function parseTaskInput(event: unknown): TaskInput {
  const parsed = taskInput.safeParse(event);
  if (!parsed.success)
    throw new Error(`pipeline task input: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export async function cycleOf(year: number): Promise<Cycle> {
  const cycle = await getCycle(year);
  if (!cycle) throw new PipelineError('CycleNotFound', `cycle ${year} does not exist: open it (POST /v1/cycles) before the pipeline runs`);
  return cycle;
}
