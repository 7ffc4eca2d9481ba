/**
 * Step Functions task tokens: the token of the execution waiting for the council's approval is
 * stored on the cycle (one item, overwritten by each wait), and answered with SendTaskSuccess.
 *
 * aws-local-stepfunctions has no task tokens, so the local runner mints its own (`local:` prefix)
 * and a callback to one of those is written to the table, where the runner (maybe in another
 * process than the API that approved) picks it up: the same "resume on approval" path, no poll.
 */
import { DeleteCommand, GetCommand, PutCommand } from './dynamo/commands.ts';
import { awsJson } from './aws/json-call.ts';
import { dynamo, tableName } from './clients.ts';

export interface StoredToken {
  taskToken: string;
  execution?: string;
  storedAt: string;
}

export const localTokenPrefix = 'local:';

const tokenKey = (year: number) => ({ pk: `CYCLE#${year}`, sk: 'PIPELINE#approval-token' });
const localCallbackKey = (token: string) => ({ pk: `TASKTOKEN#${token}`, sk: 'CALLBACK' });

export async function saveApprovalToken(year: number, token: StoredToken): Promise<void> {
  await dynamo().send(new PutCommand({ TableName: tableName(), Item: { ...tokenKey(year), entity: 'task-token', year, ...token } }));
}

export async function getApprovalToken(year: number): Promise<StoredToken | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: tokenKey(year), ConsistentRead: true }));
  if (!out.Item) return undefined;
  return {
    taskToken: String(out.Item.taskToken),
    execution: out.Item.execution as string | undefined,
    storedAt: String(out.Item.storedAt),
  };
}

/** Removes the stored token if it is still `taskToken` (a newer wait's token stays). */
export async function clearApprovalToken(year: number, taskToken: string): Promise<void> {
  await dynamo()
    .send(
      new DeleteCommand({
        TableName: tableName(),
        Key: tokenKey(year),
        ConditionExpression: 'taskToken = :t',
        ExpressionAttributeValues: { ':t': taskToken },
      }),
    )
    .catch((error: unknown) => {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    });
}

/** Resumes the waiting task with `output`. Errors of the Step Functions API keep their names (TaskTimedOut, TaskDoesNotExist, InvalidToken). */
export async function sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<void> {
  if (taskToken.startsWith(localTokenPrefix)) {
    await dynamo().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...localCallbackKey(taskToken), entity: 'task-callback', output, at: new Date().toISOString() },
      }),
    );
    return;
  }
  await awsJson({ service: 'states', target: 'AWSStepFunctions.SendTaskSuccess', body: { taskToken, output: JSON.stringify(output) } });
}

/** The local runner's side: the callback sent to a local token, taken once. */
export async function takeLocalCallback(taskToken: string): Promise<Record<string, unknown> | undefined> {
  const out = await dynamo().send(new DeleteCommand({ TableName: tableName(), Key: localCallbackKey(taskToken), ReturnValues: 'ALL_OLD' }));
  return out.Attributes?.output as Record<string, unknown> | undefined;
}
