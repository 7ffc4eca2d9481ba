/**
 * What each step of the yearly pipeline found and did, one item per (cycle, step)
 * (shared/store/entities/pipeline-step.ts), overwritten by a retried or re-run step so the steps
 * stay idempotent.
 */
import { GetCommand, PutCommand } from './dynamo/commands.ts';
import { dynamo, tableName } from './clients.ts';
import { pipelineStepKeys, stepFromItem, stepToItem, type StepRecord } from './entities/pipeline-step.ts';
import { queryAll } from './query.ts';

export type { StepRecord };

export async function recordStep(year: number, record: StepRecord): Promise<void> {
  await dynamo().send(new PutCommand({ TableName: tableName(), Item: stepToItem(year, record) }));
}

export async function getStep(year: number, step: string): Promise<StepRecord | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: pipelineStepKeys.item(year, step), ConsistentRead: true }));
  return out.Item ? stepFromItem(out.Item) : undefined;
}

export async function listSteps(year: number): Promise<StepRecord[]> {
  const rows = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': pipelineStepKeys.partition(year), ':prefix': pipelineStepKeys.prefix },
  });
  // The partition's PIPELINE# prefix also holds the approval's task token: steps only.
  return rows.filter((r) => r.entity === 'pipeline-step').map(stepFromItem);
}
