/**
 * The deployed adapter of the pipeline-status port: the year's execution read from Step Functions
 * (DescribeExecution, GetExecutionHistory). Only the pipeline-status route imports this module, so
 * the SFN client stays out of every other bundle.
 */
import type { DescribeExecutionOutput, GetExecutionHistoryOutput, HistoryEvent } from '@aws-sdk/client-sfn';
import type { ExecutionView, PipelineEvent } from '../schemas/api/admin-api.ts';
import { awsJson } from './aws/json-call.ts';

/** The JSON protocol answers timestamps as epoch seconds where the SDK's types say Date. */
type Wire<T> = { [K in keyof T]: T[K] extends Date | undefined ? number | undefined : T[K] };
const dateOf = (seconds: number | undefined) => new Date((seconds ?? 0) * 1000);
const sfnCall = <T>(action: string, body: unknown) => awsJson<T>({ service: 'states', target: `AWSStepFunctions.${action}`, body });

/** arn:…:stateMachine:NAME + execution name → arn:…:execution:NAME:EXECUTION. */
export const executionArnOf = (stateMachineArn: string, name: string) =>
  `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;

/** The failure details any *Failed / *TimedOut event carries. */
function failureOf(e: object): { error?: string; cause?: string } {
  const details = Object.entries(e).find(([k, v]) => /(Failed|TimedOut|Aborted)EventDetails$/.test(k) && v)?.[1] as
    { error?: string; cause?: string } | undefined;
  return details ? { error: details.error, cause: details.cause } : {};
}

export function eventOf(e: Wire<HistoryEvent> | HistoryEvent): PipelineEvent {
  const state = e.stateEnteredEventDetails?.name ?? e.stateExitedEventDetails?.name;
  const { error, cause } = failureOf(e);
  return {
    at: (e.timestamp instanceof Date ? e.timestamp : dateOf(e.timestamp)).toISOString(),
    type: e.type ?? 'Unknown',
    ...(state ? { state } : {}),
    ...(error ? { error } : {}),
    ...(cause ? { cause: cause.slice(0, 2000) } : {}),
  };
}

export async function describeSfnExecution(stateMachineArn: string, name: string): Promise<ExecutionView | undefined> {
  const executionArn = executionArnOf(stateMachineArn, name);
  try {
    const [described, history] = await Promise.all([
      sfnCall<Wire<DescribeExecutionOutput>>('DescribeExecution', { executionArn }),
      // The newest 300 events: a year's run has a few dozen (one loop per reminder wake-up).
      sfnCall<{ events?: Wire<HistoryEvent>[] } & Omit<GetExecutionHistoryOutput, 'events'>>('GetExecutionHistory', {
        executionArn,
        reverseOrder: true,
        maxResults: 300,
      }),
    ]);
    const events = (history.events ?? []).map(eventOf).reverse();
    return {
      name,
      source: 'step-functions',
      status: (described.status ?? 'RUNNING') as ExecutionView['status'],
      startedAt: dateOf(described.startDate).toISOString(),
      ...(described.stopDate ? { stoppedAt: dateOf(described.stopDate).toISOString() } : {}),
      currentState: events.findLast((e) => e.type.endsWith('StateEntered'))?.state,
      ...(described.error ? { error: { name: described.error, cause: described.cause } } : {}),
      events: events.filter((e) => !e.type.endsWith('StateExited')),
    };
  } catch (error) {
    if ((error as Error).name === 'ExecutionDoesNotExist') return undefined;
    throw error;
  }
}
