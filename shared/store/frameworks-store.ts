/** Frameworks: one item each (shared/store/entities/framework.ts); `usedBy` lists the cycle years that froze it. */
import { GetCommand } from './dynamo/commands.ts';
import { DomainError, fail } from '../domain/errors.ts';
import { frameworkFrozenRefusal, frameworkInUseRefusal } from '../domain/framework-use.ts';
import type { Caller } from '../domain/roles.ts';
import type { Framework } from '../schemas/files/framework.ts';
import { auditEvent, auditPut } from './audit.ts';
import { dynamo, tableName } from './clients.ts';
import { frameworkFromItem, frameworkKeys, frameworkToItem, type StoredFramework } from './entities/framework.ts';
import { transact } from './transactions.ts';

export type { StoredFramework };

export async function getFramework(frameworkId: string): Promise<StoredFramework | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: frameworkKeys.item(frameworkId) }));
  return out.Item ? frameworkFromItem(out.Item) : undefined;
}

/**
 * Creates (no `expectedVersion`) or replaces a framework while no cycle uses it: the condition
 * holds the version the caller read and an empty `usedBy` (frozen meanwhile? refused).
 */
export async function saveFramework(caller: Caller, framework: Framework, expectedVersion?: number): Promise<StoredFramework> {
  const stored: StoredFramework = { framework, version: (expectedVersion ?? 0) + 1, usedBy: [] };
  await transact(
    [
      {
        Put: {
          TableName: tableName(),
          Item: frameworkToItem(stored),
          ConditionExpression: expectedVersion
            ? 'version = :v AND size(usedBy) = :zero AND attribute_not_exists(frozenAt)'
            : 'attribute_not_exists(pk)',
          ExpressionAttributeValues: expectedVersion ? { ':v': expectedVersion, ':zero': 0 } : undefined,
        },
      },
      auditPut(
        auditEvent(caller, frameworkKeys.auditSubject(framework.id), expectedVersion ? 'framework.replaced' : 'framework.created', {
          target: framework.id,
          before: expectedVersion ? { version: expectedVersion } : undefined,
          after: { version: stored.version, unitType: framework.unitType, maxTotal: framework.maxTotal },
        }),
      ),
    ],
    async () => {
      const current = await getFramework(framework.id);
      const frozen =
        current && (frameworkFrozenRefusal(framework.id, current.frozenAt) ?? frameworkInUseRefusal(framework.id, current.usedBy));
      if (frozen) return new DomainError(frozen.code, frozen.message, frozen.details);
      return fail.versionConflict(`framework ${framework.id}`, current ? { version: current.version, usedBy: current.usedBy } : null);
    },
  );
  return stored;
}

/** Freezes the framework while it is still at `expectedVersion`; audited with the reason. */
export async function freezeFramework(
  caller: Caller,
  frameworkId: string,
  expectedVersion: number,
  change: { reason?: string; at?: string } = {},
): Promise<StoredFramework> {
  const at = change.at ?? new Date().toISOString();
  await transact(
    [
      {
        Update: {
          TableName: tableName(),
          Key: frameworkKeys.item(frameworkId),
          UpdateExpression: 'SET frozenAt = :at, version = version + :one',
          ConditionExpression: 'version = :v AND attribute_not_exists(frozenAt)',
          ExpressionAttributeValues: { ':at': at, ':v': expectedVersion, ':one': 1 },
        },
      },
      auditPut(
        auditEvent(caller, frameworkKeys.auditSubject(frameworkId), 'framework.frozen', {
          target: frameworkId,
          before: { version: expectedVersion },
          after: { version: expectedVersion + 1, frozenAt: at },
          reason: change.reason,
        }),
      ),
    ],
    async () => {
      const current = await getFramework(frameworkId);
      if (!current) return fail.notFound(`framework ${frameworkId} does not exist`, 'FRAMEWORK_NOT_FOUND');
      const frozen = frameworkFrozenRefusal(frameworkId, current.frozenAt);
      if (frozen) return new DomainError(frozen.code, frozen.message, frozen.details);
      return fail.versionConflict(`framework ${frameworkId}`, { version: current.version, usedBy: current.usedBy });
    },
  );
  const stored = await getFramework(frameworkId);
  if (!stored) throw fail.notFound(`framework ${frameworkId} does not exist`, 'FRAMEWORK_NOT_FOUND');
  return stored;
}
