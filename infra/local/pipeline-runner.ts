/**
 * Runs the yearly state machine locally: the ASL file CDK deploys (infra/pipeline/cycle.asl.json),
 * executed by aws-local-stepfunctions with every task state mapped to its function's handler in
 * this process (`taskResourceLocalHandlers`) and the Wait states and retry pauses shortened. The
 * handlers use the Lambda environment the local runtime put into `process.env`.
 *
 * aws-local-stepfunctions 3 has no task tokens, so the `.waitForTaskToken` state (AwaitApproval)
 * gets a token minted here; the approval's callback to it is written to the table
 * (shared/store/task-tokens.ts) and picked up here, which resumes the machine as SendTaskSuccess
 * does in the cloud. Without a callback the task times out (`States.Timeout`) after
 * `approvalTimeoutMs`, the 6 hours it stands for, and the machine polls.
 */
import './promise-polyfill.ts';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { takeLocalCallback, localTokenPrefix } from '../../shared/store/task-tokens.ts';
import {
  isCallbackTask,
  pipelineTasks,
  readAsl,
  substitute,
  substitutionOf,
  taskStatesOf,
  type PipelineTaskState,
} from '../pipeline/definition.ts';
import { recordExecution } from './execution-recorder.ts';
import { projectRoot } from './paths.ts';

export type TaskHandler = (input: unknown) => Promise<unknown>;

/** The ARNs the local definition carries (never called: every task has a local handler). */
export const localSubstitutions: Readonly<Record<string, string>> = Object.fromEntries(
  pipelineTasks.map((t) => [substitutionOf(t.state), `arn:aws:lambda:ap-southeast-1:000000000000:function:par-local-${t.state}`]),
);

export const waitStates = ['WaitForSelfAssessmentDeadline', 'WaitForFinalAppraisalDeadline'] as const;
export type WaitState = (typeof waitStates)[number];

export interface PipelineRunOptions {
  year: number;
  /** The execution input; default `{ year }` (the schedule sends `{ scheduledTime }`). */
  input?: Record<string, unknown>;
  executionName?: string;
  /** Milliseconds each Wait state lasts locally (default 10); the machine still sees the time it waited until. */
  waits?: Partial<Record<WaitState, number>>;
  /** Milliseconds AwaitApproval waits for the approval callback before it times out and the machine polls (default 2000). */
  approvalTimeoutMs?: number;
  /** Milliseconds before each retry (default 20; the ASL's backoff is hours in the cloud). */
  retryPauseMs?: number;
  /** Replaces a task's handler (tests inject failures this way). */
  handlers?: Partial<Record<PipelineTaskState, TaskHandler>>;
  /**
   * Runs after a task state (by state name) succeeded, before the state machine moves on: the
   * simulated people of the phase that task opens act here, inside the window the following
   * (shortened) Wait stands for.
   */
  afterTask?: Partial<Record<string, (output: unknown) => Promise<void>>>;
  onEvent?: (line: string) => void;
}

export interface PipelineRunEvent {
  type: string;
  state?: string;
  error?: string;
}

export interface PipelineRunResult {
  status: 'SUCCEEDED' | 'FAILED';
  output?: Record<string, unknown>;
  error?: { name: string; message: string };
  events: PipelineRunEvent[];
  ms: number;
}

async function loadHandler(module: string): Promise<TaskHandler> {
  const loaded = (await import(pathToFileURL(join(projectRoot, module)).href)) as { handler?: TaskHandler };
  if (typeof loaded.handler !== 'function') throw new Error(`${module} exports no handler`);
  return loaded.handler;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The callback to a local task token, or States.Timeout after `timeoutMs` (the task's TimeoutSeconds). */
async function localCallback(token: string, timeoutMs: number): Promise<unknown> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const output = await takeLocalCallback(token);
    if (output) return output;
    if (Date.now() >= until) throw Object.assign(new Error('no callback before the task timed out'), { name: 'States.Timeout' });
    await sleep(Math.min(50, Math.max(0, until - Date.now())));
  }
}

export async function runPipeline(options: PipelineRunOptions): Promise<PipelineRunResult> {
  const { StateMachine } = await import('aws-local-stepfunctions');
  const definition = JSON.parse(substitute(readAsl(), localSubstitutions));
  const machine = new StateMachine(definition);
  const functions = {} as Record<PipelineTaskState, TaskHandler>;
  for (const task of pipelineTasks) functions[task.state] = options.handlers?.[task.state] ?? (await loadHandler(task.handler));
  const started = Date.now();
  const name = options.executionName ?? `cycle-${options.year}-local-${started}`;
  let tokens = 0;
  const handlers: Record<string, TaskHandler> = {};
  for (const [stateName, fn] of Object.entries(taskStatesOf(JSON.parse(readAsl())))) {
    const inner = functions[fn];
    const after = options.afterTask?.[stateName];
    const callback = isCallbackTask(definition.States[stateName]);
    handlers[stateName] = async (input) => {
      let output: unknown;
      if (callback) {
        // The Lambda gets the Payload (as lambda:invoke passes it); the state's result is the callback's output.
        const token = `${localTokenPrefix}${name}:${stateName}:${++tokens}`;
        await inner({ ...(input as { Payload: object }).Payload, taskToken: token });
        output = await localCallback(token, options.approvalTimeoutMs ?? 2000);
      } else {
        // What a Lambda returns reaches the state machine as JSON.
        output = JSON.parse(JSON.stringify((await inner(input)) ?? null));
      }
      if (after) await after(output);
      return output;
    };
  }
  const waits = { WaitForSelfAssessmentDeadline: 10, WaitForFinalAppraisalDeadline: 10, ...options.waits };
  const input = (options.input ?? { year: options.year }) as Record<string, never>;
  const execution = machine.run(input, {
    overrides: {
      taskResourceLocalHandlers: handlers as never,
      waitTimeOverrides: waits,
      retryIntervalOverrides: Object.fromEntries(Object.keys(handlers).map((state) => [state, options.retryPauseMs ?? 20])),
    },
    context: {
      Execution: {
        Id: `arn:aws:states:local:000000000000:execution:par-cycle:${name}`,
        Name: name,
        Input: input,
        StartTime: new Date(started).toISOString(),
      },
      StateMachine: { Id: 'arn:aws:states:local:000000000000:stateMachine:par-cycle', Name: 'par-cycle' },
      // `$$.Task.Token` must resolve; the callback task's handler above mints the real one.
      Task: { Token: `${localTokenPrefix}unused` },
    },
  });
  const events: PipelineRunEvent[] = [];
  const recorder = recordExecution(options.year, name, new Date(started));
  const logging = (async () => {
    for await (const event of execution.eventLogs) {
      const e = event as { type: string; state?: { name: string }; Error?: string; error?: string };
      const entry: PipelineRunEvent = { type: e.type, state: e.state?.name, error: e.Error ?? e.error };
      events.push(entry);
      if (entry.type === 'StateEntered' || entry.type === 'StateRetried' || entry.type === 'StateCaught' || entry.type === 'StateFailed') {
        recorder.event({
          type: entry.type,
          ...(entry.state ? { state: entry.state } : {}),
          ...(entry.error ? { error: entry.error } : {}),
        });
        options.onEvent?.(`${entry.type.padEnd(12)} ${entry.state}${entry.error ? ` (${entry.error})` : ''}`);
      }
    }
  })();
  try {
    const output = (await execution.result) as Record<string, unknown>;
    await logging.catch(() => undefined);
    await recorder.finish('SUCCEEDED');
    return { status: 'SUCCEEDED', output, events, ms: Date.now() - started };
  } catch (error) {
    await logging.catch(() => undefined);
    const cause = ((error as { cause?: Error }).cause ?? error) as Error;
    await recorder.finish('FAILED', { name: cause.name, message: cause.message });
    return { status: 'FAILED', error: { name: cause.name, message: cause.message }, events, ms: Date.now() - started };
  }
}
