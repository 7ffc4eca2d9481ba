/**
 * Registry writes that keep the official codes unique: each unit write claims its `adminCode` with
 * an `ADMINCODE#<code>` item in the same transaction (created only if absent or already the
 * unit's) and releases the code it gave up. Units written before the claims existed have none;
 * the use cases also check the live registry, so those are covered too.
 */
import { GetCommand } from './dynamo/commands.ts';
import { DomainError, fail } from '../domain/errors.ts';
import type { Caller } from '../domain/roles.ts';
import type { Unit } from '../schemas/domain/units.ts';
import { auditEvent, auditPut } from './audit.ts';
import { dynamo, tableName } from './clients.ts';
import { unitFromItem, unitKeys, unitToItem } from './entities/unit.ts';
import { transact, versionedPut } from './transactions.ts';

export const adminCodeKeys = { item: (code: string) => ({ pk: `ADMINCODE#${code}`, sk: 'META' }) } as const;

export function adminCodeItem(code: string, unitId: string): Record<string, unknown> {
  return { ...adminCodeKeys.item(code), entity: 'admin-code', adminCode: code, unitId };
}

export async function adminCodeHolder(code: string): Promise<string | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: adminCodeKeys.item(code) }));
  return out.Item?.unitId as string | undefined;
}

export interface UnitWrite {
  after: Omit<Unit, 'version'>;
  /** The stored unit the change was planned on (its version is the write's condition); none: a creation. */
  before?: Unit;
  action: string;
  reason?: string;
  /** A code this write takes over from another unit of the same batch (that unit's release is left out). */
  takesCodeFrom?: string;
}

/** The transaction items of one unit write: the unit, its audit event, the code claim and release. */
export function unitWriteItems(caller: Caller, write: UnitWrite, at: string, skipRelease = false) {
  const { after, before } = write;
  const unit: Unit = { ...after, version: (before?.version ?? 0) + 1 };
  const items: Record<string, unknown>[] = [
    versionedPut(unitToItem(unit), before?.version),
    auditPut(
      auditEvent(caller, unitKeys.auditSubject(unit.id), write.action, { target: unit.id, before, after: unit, reason: write.reason }, at),
    ),
  ];
  if (after.adminCode && after.adminCode !== before?.adminCode) {
    const owners = write.takesCodeFrom ? ' OR unitId = :prev' : '';
    items.push({
      Put: {
        TableName: tableName(),
        Item: adminCodeItem(after.adminCode, unit.id),
        ConditionExpression: `attribute_not_exists(pk) OR unitId = :id${owners}`,
        ExpressionAttributeValues: { ':id': unit.id, ...(write.takesCodeFrom ? { ':prev': write.takesCodeFrom } : {}) },
      },
    });
  }
  if (before?.adminCode && before.adminCode !== after.adminCode && !skipRelease) {
    items.push({
      Delete: {
        TableName: tableName(),
        Key: adminCodeKeys.item(before.adminCode),
        ConditionExpression: 'attribute_not_exists(pk) OR unitId = :id',
        ExpressionAttributeValues: { ':id': unit.id },
      },
    });
  }
  return { unit, items };
}

/** What refused a write: the unit changed since it was read, or its code is someone else's. */
async function conflictOf(writes: readonly UnitWrite[]): Promise<DomainError> {
  for (const write of writes) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: unitKeys.item(write.after.id) }));
    if ((Item?.version as number | undefined) !== write.before?.version)
      return fail.versionConflict(`unit ${write.after.id}`, Item ? unitFromItem(Item) : null);
    const code = write.after.adminCode;
    const holder = code ? await adminCodeHolder(code) : undefined;
    if (code && holder && holder !== write.after.id && holder !== write.takesCodeFrom) {
      return fail.conflict('DUPLICATE_ADMIN_CODE', `unit ${holder} already holds adminCode ${code}`, { unitId: holder, adminCode: code });
    }
  }
  return fail.conflict('VERSION_CONFLICT', 'the registry changed while it was written; reload and retry');
}

/** Transaction items per call (DynamoDB's limit). */
const maxItems = 100;

/**
 * Writes unit changes in transactions of at most 100 items, a unit's items always together.
 * Parents before children (provinces, then districts and departments, then communes), so a
 * failure part-way never leaves a committed unit pointing at a parent not yet written. Such a
 * failure (a concurrent edit, a lost connection) leaves the earlier transactions applied; the
 * caller's retry re-plans against the registry as it now is, finds those rows unchanged and
 * writes only the rest: a retried import is idempotent.
 */
export async function writeUnitChanges(caller: Caller, writes: readonly UnitWrite[]): Promise<Unit[]> {
  const at = new Date().toISOString();
  const rank = { province: 0, department: 1, district: 1, commune: 2 } as const;
  const ordered = [...writes].sort((a, b) => rank[a.after.type] - rank[b.after.type]);
  const handedOver = new Set(writes.filter((w) => w.takesCodeFrom).map((w) => w.takesCodeFrom));
  const saved: Unit[] = [];
  let chunk: { writes: UnitWrite[]; items: Record<string, unknown>[] } = { writes: [], items: [] };
  const flush = async () => {
    if (chunk.items.length === 0) return;
    const { writes: sent, items } = chunk;
    chunk = { writes: [], items: [] };
    await transact(items as Parameters<typeof transact>[0], () => conflictOf(sent));
  };
  for (const write of ordered) {
    const { unit, items } = unitWriteItems(caller, write, at, handedOver.has(write.after.id));
    if (chunk.items.length + items.length > maxItems) await flush();
    chunk.writes.push(write);
    chunk.items.push(...items);
    saved.push(unit);
  }
  await flush();
  return saved;
}
