/** Cycles: one item per year. Opening one freezes its frameworks in the same transaction. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Caller } from '../domain/roles.ts';
import type { Cycle } from '../schemas/cycles.ts';
import { auditEvent, auditPut } from './audit.ts';
import { dynamo, tableName } from './clients.ts';
import { transactWrite } from './transactions.ts';
import { isConditionalFailure, StateConflict, VersionConflict } from './errors.ts';
import { keys } from './keys.ts';

function toCycle(item: Record<string, unknown>): Cycle {
  const { pk: _pk, sk: _sk, entity: _e, ...cycle } = item;
  return cycle as Cycle;
}

export async function getCycle(year: number): Promise<Cycle | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: keys.cycle(year) }));
  return out.Item ? toCycle(out.Item) : undefined;
}

export async function createCycle(caller: Caller, cycle: Cycle): Promise<Cycle> {
  const frameworkIds = [...new Set(Object.values(cycle.frameworks))];
  try {
    await transactWrite([
      {
        Put: {
          TableName: tableName(),
          Item: { ...keys.cycle(cycle.year), entity: 'cycle', ...cycle },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...frameworkIds.map((id) => ({
        Update: {
          TableName: tableName(),
          Key: keys.framework(id),
          UpdateExpression: 'SET usedBy = list_append(usedBy, :year), version = version + :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':year': [cycle.year], ':one': 1 },
        },
      })),
      auditPut(auditEvent(caller, `CYCLE#${cycle.year}`, 'cycle.opened', { target: String(cycle.year), after: cycle })),
    ]);
  } catch (error) {
    if (isConditionalFailure(error)) {
      const existing = await getCycle(cycle.year);
      if (existing) throw new StateConflict(`cycle ${cycle.year} already exists`, { current: existing }, 'CYCLE_EXISTS');
      throw new StateConflict('a framework of the cycle was removed meanwhile; reload and retry');
    }
    throw error;
  }
  return cycle;
}

export async function updateCycle(caller: Caller, before: Cycle, after: Cycle, reason?: string): Promise<Cycle> {
  try {
    await transactWrite([
      {
        Put: {
          TableName: tableName(),
          Item: { ...keys.cycle(after.year), entity: 'cycle', ...after },
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': before.version },
        },
      },
      auditPut(auditEvent(caller, `CYCLE#${after.year}`, 'cycle.changed', { target: String(after.year), before, after, reason })),
    ]);
  } catch (error) {
    if (isConditionalFailure(error)) throw new VersionConflict(`cycle ${after.year}`, (await getCycle(after.year)) ?? null);
    throw error;
  }
  return after;
}
