/** The unit registry: one item per unit, indexed by type and parent on gsi1. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Caller } from '../domain/roles.ts';
import { unitTypes, type UnitType } from '../schemas/framework.ts';
import type { Unit } from '../schemas/units.ts';
import { auditEvent, auditPut } from './audit.ts';
import { dynamo, tableName } from './clients.ts';
import { transactWrite, versionedPut } from './transactions.ts';
import { isConditionalFailure, VersionConflict } from './errors.ts';
import { keys } from './keys.ts';
import { queryAll } from './query.ts';

function toUnit(item: Record<string, unknown>): Unit {
  const { id, type, name, parentId, adminCode, version } = item as Unit;
  return { id, type, name, ...(parentId ? { parentId } : {}), ...(adminCode ? { adminCode } : {}), version };
}

export async function getUnit(unitId: string): Promise<Unit | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: keys.unit(unitId) }));
  return out.Item ? toUnit(out.Item) : undefined;
}

async function queryType(type: UnitType, parent?: string): Promise<Unit[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: parent ? 'gsi1pk = :pk AND begins_with(gsi1sk, :parent)' : 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.unitIndex(type, undefined, '').gsi1pk, ...(parent ? { ':parent': `${parent}#` } : {}) },
  });
  return items.map(toUnit);
}

export async function listUnits(filter: { type?: UnitType; parent?: string }): Promise<Unit[]> {
  const types = filter.type ? [filter.type] : [...unitTypes];
  const lists = await Promise.all(types.map((t) => queryType(t, filter.parent)));
  return lists.flat();
}

export type UnitFields = Omit<Unit, 'version'>;

/**
 * Creates or updates a unit with optimistic locking: the write holds only if the stored version is
 * still the one read (or the one the client names), and its audit event lands in the same transaction.
 */
export async function saveUnit(
  caller: Caller,
  fields: UnitFields,
  options: { expectedVersion?: number; reason?: string } = {},
): Promise<{ unit: Unit; created: boolean }> {
  const current = await getUnit(fields.id);
  const baseVersion = options.expectedVersion ?? current?.version;
  if (options.expectedVersion !== undefined && options.expectedVersion !== (current?.version ?? 0)) {
    throw new VersionConflict(`unit ${fields.id}`, current ?? null);
  }
  const unit: Unit = { ...fields, version: (current?.version ?? 0) + 1 };
  const item = { ...keys.unit(fields.id), ...keys.unitIndex(fields.type, fields.parentId, fields.id), entity: 'unit', ...unit };
  try {
    await transactWrite([
      versionedPut(item, current ? baseVersion : undefined),
      auditPut(
        auditEvent(caller, `UNIT#${fields.id}`, current ? 'unit.updated' : 'unit.created', {
          target: fields.id,
          before: current,
          after: unit,
          reason: options.reason,
        }),
      ),
    ]);
  } catch (error) {
    if (isConditionalFailure(error)) throw new VersionConflict(`unit ${fields.id}`, (await getUnit(fields.id)) ?? null);
    throw error;
  }
  return { unit, created: !current };
}
