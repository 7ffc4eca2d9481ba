/**
 * The local runner's executions (infra/local/pipeline-runner.ts): aws-local-stepfunctions keeps
 * its history in memory only, so the runner writes each execution's status and events here, and
 * the local adapter of the pipeline-status port reads them (possibly from another process).
 * One item per execution, overwritten as it runs; never written in the cloud.
 */
import { PutCommand, QueryCommand } from './dynamo/commands.ts';
import type { ExecutionView } from '../schemas/api/admin-api.ts';
import { dynamo, tableName } from './clients.ts';

const partition = (year: number) => `LOCAL-EXECUTION#${year}`;

export async function saveLocalExecution(year: number, view: ExecutionView): Promise<void> {
  await dynamo().send(
    new PutCommand({
      TableName: tableName(),
      Item: { pk: partition(year), sk: `${view.startedAt}#${view.name}`, entity: 'local-execution', year, view },
    }),
  );
}

/** The year's latest local execution (by start time), or the one named `name`. */
export async function latestLocalExecution(year: number, name?: string): Promise<ExecutionView | undefined> {
  const out = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': partition(year) },
      ScanIndexForward: false,
      ConsistentRead: true,
      Limit: 50,
    }),
  );
  const views = (out.Items ?? []).map((i) => i.view as ExecutionView);
  return (name ? views.find((v) => v.name === name) : undefined) ?? views[0];
}
