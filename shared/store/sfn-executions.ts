/**
 * The deployed adapter of the pipeline-status port: the year's execution read from Step Functions
 * (DescribeExecution, GetExecutionHistory). Only the pipeline-status route imports this module, so
 * the SFN client stays out of every other bundle.
 */
import { DescribeExecutionCommand, GetExecutionHistoryCommand, SFNClient, type HistoryEvent } from '@aws-sdk/client-sfn';
import type { ExecutionView, PipelineEvent } from '../schemas/api/admin-api.ts';

let client: SFNClient | undefined;
const sfn = () => (client ??= new SFNClient({ maxAttempts: 4 }));

/** arn:…:stateMachine:NAME + execution name → arn:…:execution:NAME:EXECUTION. */
export const executionArnOf = (stateMachineArn: string, name: string) =>
  `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;

/** The failure details any *Failed / *TimedOut event carries. */
function failureOf(e: HistoryEvent): { error?: string; cause?: string } {
  const details = Object.entries(e).find(([k, v]) => /(Failed|TimedOut|Aborted)EventDetails$/.test(k) && v)?.[1] as
    { error?: string; cause?: string } | undefined;
  return details ? { error: details.error, cause: details.cause } : {};
}

export function eventOf(e: HistoryEvent): PipelineEvent {
  const state = e.stateEnteredEventDetails?.name ?? e.stateExitedEventDetails?.name;
  const { error, cause } = failureOf(e);
  return {
    at: (e.timestamp ?? new Date(0)).toISOString(),
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
      sfn().send(new DescribeExecutionCommand({ executionArn })),
      // The newest 300 events: a year's run has a few dozen (one loop per reminder wake-up).
      sfn().send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 300 })),
    ]);
    const events = (history.events ?? []).map(eventOf).reverse();
    return {
      name,
      source: 'step-functions',
      status: (described.status ?? 'RUNNING') as ExecutionView['status'],
      startedAt: (described.startDate ?? new Date(0)).toISOString(),
      ...(described.stopDate ? { stoppedAt: described.stopDate.toISOString() } : {}),
      currentState: events.findLast((e) => e.type.endsWith('StateEntered'))?.state,
      ...(described.error ? { error: { name: described.error, cause: described.cause } } : {}),
      events: events.filter((e) => !e.type.endsWith('StateExited')),
    };
  } catch (error) {
    if ((error as Error).name === 'ExecutionDoesNotExist') return undefined;
    throw error;
  }
}
