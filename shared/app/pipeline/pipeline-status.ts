/**
 * The yearly pipeline's status for the admin: which state the year's execution is in, its history,
 * the steps the tasks recorded and the failure with its reason. One port, two adapters: the
 * execution comes from Step Functions when deployed (shared/store/sfn-executions.ts) and from what
 * the local runner recorded locally (shared/store/local-executions-store.ts).
 */
import { fail } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import type { Cycle } from '../../schemas/domain/cycles.ts';
import type { ExecutionView, PipelineStatus } from '../../schemas/api/admin-api.ts';
import type { StepRecord } from '../../store/pipeline-store.ts';
import { compareVietnamese } from '../../domain/collation.ts';

/** The port: the year's execution, by the name its tasks recorded (the local adapter also finds the latest without one). */
export type ExecutionSource = (year: number, executionName: string | undefined) => Promise<ExecutionView | undefined>;

export interface PipelineStatusStores {
  getCycle: (year: number) => Promise<Cycle | undefined>;
  listSteps: (year: number) => Promise<StepRecord[]>;
}

function failureOf(steps: readonly StepRecord[]): PipelineStatus['failure'] {
  const step = steps.find((s) => s.step === 'failure');
  if (!step) return null;
  const error = (step.details.error ?? {}) as { name?: unknown; cause?: unknown; Error?: unknown; Cause?: unknown };
  const name = String(error.name ?? error.Error ?? 'Unknown');
  const cause = error.cause ?? error.Cause;
  return { at: step.at, execution: step.execution, error: { name, ...(cause === undefined ? {} : { cause: String(cause) }) } };
}

export async function pipelineStatus(
  _caller: Caller,
  input: { year: number },
  stores: PipelineStatusStores,
  source: ExecutionSource,
): Promise<PipelineStatus> {
  const cycle = await stores.getCycle(input.year);
  if (!cycle) throw fail.notFound(`cycle ${input.year} does not exist`, 'CYCLE_NOT_FOUND');
  const steps = (await stores.listSteps(input.year)).sort((a, b) => compareVietnamese(a.at, b.at));
  // The newest step names the execution that is (or was last) running for the year.
  const name = steps.findLast((s) => s.execution)?.execution;
  const execution = (await source(input.year, name)) ?? null;
  return { year: cycle.year, phase: cycle.phase, execution, steps, failure: failureOf(steps) };
}
