/**
 * The pipeline adapter: the input every task receives from the state machine (its `Parameters`),
 * and the one translation of domain errors into the named errors its Retry and Catch match.
 */
import * as z from 'zod/mini';
import { isDomainError } from '../../shared/domain/errors.ts';
import { PipelineError, pipelineErrorOfCode } from '../../shared/domain/pipeline.ts';
import type { Caller } from '../../shared/domain/roles.ts';
import { pipelineCaller } from '../../shared/app/pipeline/pipeline-caller.ts';
import { cycleYears } from '../../shared/domain/cycle-years.ts';

export const taskInput = z.object({
  year: z.coerce.number().check(z.int(), z.gte(cycleYears.first), z.lte(cycleYears.last)),
  execution: z.optional(z.string()),
});
export type TaskInput = z.infer<typeof taskInput>;

export function parseTaskInput(event: unknown): TaskInput {
  const parsed = taskInput.safeParse(event);
  if (!parsed.success)
    throw new Error(`pipeline task input: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** A task entry: parse the input, run the use case as the pipeline, name its refusal for the state machine. */
export function pipelineTask<R>(useCase: (caller: Caller, input: TaskInput) => Promise<R>) {
  return async (event: unknown): Promise<R> => {
    const input = parseTaskInput(event);
    try {
      return await useCase(pipelineCaller, input);
    } catch (error) {
      const name = isDomainError(error) ? pipelineErrorOfCode[error.code] : undefined;
      throw name ? new PipelineError(name, error instanceof Error ? error.message : String(error)) : error;
    }
  };
}
