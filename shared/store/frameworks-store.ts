/** Frameworks: one item each; `usedBy` lists the cycle years that froze it. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Caller } from '../domain/roles.ts';
import type { Framework } from '../schemas/framework.ts';
import { auditEvent, auditPut } from './audit.ts';
import { dynamo, tableName } from './clients.ts';
import { transactWrite } from './transactions.ts';
import { isConditionalFailure, StateConflict } from './errors.ts';
import { keys } from './keys.ts';

export interface StoredFramework {
  framework: Framework;
  version: number;
  usedBy: number[];
}

export async function getFramework(frameworkId: string): Promise<StoredFramework | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: keys.framework(frameworkId) }));
  if (!out.Item) return undefined;
  return {
    framework: out.Item.framework as Framework,
    version: out.Item.version as number,
    usedBy: (out.Item.usedBy as number[] | undefined) ?? [],
  };
}

/** Replaces a framework unless a cycle uses it: a used version is frozen; a new decision is a new id. */
export async function saveFramework(caller: Caller, framework: Framework): Promise<StoredFramework> {
  const current = await getFramework(framework.id);
  if (current && current.usedBy.length > 0) {
    throw new StateConflict(
      `framework ${framework.id} is used by cycle ${current.usedBy.join(', ')} and is frozen; issue a new version under a new id`,
      { usedBy: current.usedBy },
      'FRAMEWORK_IN_USE',
    );
  }
  const version = (current?.version ?? 0) + 1;
  try {
    await transactWrite([
      {
        Put: {
          TableName: tableName(),
          Item: { ...keys.framework(framework.id), entity: 'framework', framework, version, usedBy: [] },
          // Frozen between our read and this write? The condition catches it.
          ConditionExpression: current ? 'version = :v AND size(usedBy) = :zero' : 'attribute_not_exists(pk)',
          ExpressionAttributeValues: current ? { ':v': current.version, ':zero': 0 } : undefined,
        },
      },
      auditPut(
        auditEvent(caller, `FRAMEWORK#${framework.id}`, current ? 'framework.replaced' : 'framework.created', {
          target: framework.id,
          before: current ? { version: current.version } : undefined,
          after: { version, unitType: framework.unitType, maxTotal: framework.maxTotal },
        }),
      ),
    ]);
  } catch (error) {
    if (isConditionalFailure(error)) {
      throw new StateConflict(`framework ${framework.id} changed or was frozen meanwhile; reload and retry`);
    }
    throw error;
  }
  return { framework, version, usedBy: [] };
}
