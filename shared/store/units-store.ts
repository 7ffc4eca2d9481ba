/** The unit registry: one item per unit (shared/store/entities/unit.ts), indexed by type and parent. */
import { GetCommand } from './dynamo/commands.ts';
import type { Caller } from '../domain/roles.ts';
import { unitTypes, type UnitType } from '../schemas/unit-types.ts';
import type { Unit } from '../schemas/domain/units.ts';
import { auditEvent, auditPut } from './audit.ts';
import { dynamo, tableName } from './clients.ts';
import { unitFromItem, unitKeys, unitToItem } from './entities/unit.ts';
import { writeAll } from './batch-writer.ts';
import { queryAll } from './query.ts';
import { adminCodeItem, writeUnitChanges } from './registry-store.ts';

export async function getUnit(unitId: string): Promise<Unit | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: unitKeys.item(unitId) }));
  return out.Item ? unitFromItem(out.Item) : undefined;
}

async function queryType(type: UnitType, parent?: string): Promise<Unit[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: parent ? 'gsi1pk = :pk AND begins_with(gsi1sk, :parent)' : 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': unitKeys.typePartition(type), ...(parent ? { ':parent': unitKeys.parentPrefix(parent) } : {}) },
  });
  return items.map(unitFromItem);
}

export async function listUnits(filter: { type?: UnitType; parent?: string }): Promise<Unit[]> {
  const types = filter.type ? [filter.type] : [...unitTypes];
  const lists = await Promise.all(types.map((t) => queryType(t, filter.parent)));
  return lists.flat();
}

export type UnitFields = Omit<Unit, 'version'>;

/**
 * Creates (no `expectedVersion`) or replaces (the version the caller read) a unit: the write holds
 * only while the stored version is still that one and its official code is no other unit's; the
 * code claim and the audit event land in the same transaction (registry-store.ts).
 */
export async function saveUnit(
  caller: Caller,
  fields: UnitFields,
  change: { expectedVersion?: number; before?: Unit; reason?: string; action?: string } = {},
): Promise<Unit> {
  const { expectedVersion } = change;
  const action = change.action ?? (expectedVersion ? 'unit.updated' : 'unit.created');
  // The condition is the version the client names, the audit's `before` the unit as read.
  const before = expectedVersion ? { ...(change.before ?? fields), version: expectedVersion } : undefined;
  const [unit] = await writeUnitChanges(caller, [{ after: fields, before, action, reason: change.reason }]);
  return unit!;
}

/**
 * The seed's bulk write of units that do not exist yet (the caller filtered them), each with its
 * audit event: BatchWrite, not one transaction per unit, since a fresh registry has ~185 units.
 */
export async function seedNewUnits(caller: Caller, units: readonly UnitFields[]): Promise<void> {
  const at = new Date().toISOString();
  const items = units.flatMap((fields) => {
    const unit: Unit = { ...fields, version: 1 };
    const event = auditEvent(caller, unitKeys.auditSubject(unit.id), 'unit.seeded', { target: unit.id, after: unit }, at);
    return [unitToItem(unit), auditPut(event).Put.Item, ...(unit.adminCode ? [adminCodeItem(unit.adminCode, unit.id)] : [])];
  });
  await writeAll(items);
}
