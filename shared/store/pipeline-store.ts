/**
 * What each step of the yearly pipeline found and did, one item per (cycle, step), overwritten by
 * a retried or re-run step (so the steps stay idempotent), plus the cycle phase changes the steps
 * make, audited as the system's.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { advancedPhase } from '../domain/pipeline.ts';
import type { Caller } from '../domain/roles.ts';
import type { Cycle } from '../schemas/cycles.ts';
import { dynamo, tableName } from './clients.ts';
import { getCycle, updateCycle } from './cycles-store.ts';
import { VersionConflict } from './errors.ts';
import { pipelineKeys } from './keys.ts';
import { queryAll } from './query.ts';

export const pipelineCaller: Caller = { subject: 'system', username: 'system:pipeline', roles: ['admin'], areas: [] };

export interface StepRecord {
  step: string;
  at: string;
  execution?: string;
  details: Record<string, unknown>;
}

export async function recordStep(year: number, record: StepRecord): Promise<void> {
  await dynamo().send(
    new PutCommand({ TableName: tableName(), Item: { ...pipelineKeys.step(year, record.step), entity: 'pipeline-step', year, ...record } }),
  );
}

export async function getStep(year: number, step: string): Promise<StepRecord | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: pipelineKeys.step(year, step), ConsistentRead: true }));
  if (!out.Item) return undefined;
  const { pk: _pk, sk: _sk, entity: _e, year: _y, ...rest } = out.Item;
  return rest as StepRecord;
}

export async function listSteps(year: number): Promise<StepRecord[]> {
  const rows = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': pipelineKeys.step(year, '').pk, ':prefix': pipelineKeys.prefix },
  });
  return rows.map(({ pk: _pk, sk: _sk, entity: _e, year: _y, ...rest }) => rest as unknown as StepRecord);
}

/**
 * Moves the cycle forward to `phase` unless it is there or beyond already; an administrator's
 * concurrent change is re-read and the move tried again (a few times).
 */
export async function advanceCycle(year: number, phase: Cycle['phase'], reason: string): Promise<Cycle | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const cycle = await getCycle(year);
    if (!cycle) return undefined;
    const next = advancedPhase(cycle.phase, phase);
    if (!next) return cycle;
    try {
      return await updateCycle(pipelineCaller, cycle, { ...cycle, phase: next, version: cycle.version + 1 }, reason);
    } catch (error) {
      if (!(error instanceof VersionConflict)) throw error;
    }
  }
  throw new Error(`cycle ${year} kept changing while the pipeline moved it to ${phase}`);
}
