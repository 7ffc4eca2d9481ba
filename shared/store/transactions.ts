/**
 * TransactWriteItems with a retry on transaction conflicts (another transaction touching the same
 * item at the same moment, e.g. two leaves of one assessment checking its header). Condition
 * failures are never retried: they are answers, not accidents.
 */
import { randomUUID } from 'node:crypto';
import { TransactWriteCommand, type TransactWriteCommandInput } from './dynamo/commands.ts';
import { dynamo, tableName } from './clients.ts';
import { isConditionalFailure } from './errors.ts';

function onlyConflicts(error: unknown): boolean {
  if ((error as { name?: string }).name !== 'TransactionCanceledException') return false;
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.some((r) => r.Code === 'TransactionConflict') && !reasons.some((r) => r.Code === 'ConditionalCheckFailed');
}

export async function transactWrite(items: NonNullable<TransactWriteCommandInput['TransactItems']>, attempts = 4): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      // The token makes the SDK's own retries of this send idempotent for 10 minutes: a retry after
      // a timeout whose write did commit is answered "done" instead of failing its conditions. (The
      // SDK would generate one too; it is set here so the guarantee does not rest on a default.)
      // A fresh token per attempt of this loop: a cancelled transaction is tried again as a new one.
      await dynamo().send(new TransactWriteCommand({ TransactItems: items, ClientRequestToken: randomUUID() }));
      return;
    } catch (error) {
      if (attempt >= attempts || !onlyConflicts(error)) throw error;
      await new Promise((r) => setTimeout(r, 20 * 2 ** attempt * (0.5 + Math.random())));
    }
  }
}

/**
 * The Put of an optimistically locked item: created only if absent, replaced only while the
 * stored `version` is still the one read.
 */
export function versionedPut(item: Record<string, unknown>, readVersion: number | undefined) {
  return {
    Put: {
      TableName: tableName(),
      Item: item,
      ConditionExpression: readVersion === undefined ? 'attribute_not_exists(pk)' : 'version = :v',
      ExpressionAttributeValues: readVersion === undefined ? undefined : { ':v': readVersion },
    },
  };
}

/**
 * One transaction whose condition failures are answers: `onConflict` explains what changed
 * (usually by reading it back) and its error is thrown instead of the SDK's. Replaces the
 * hand-written try/catch around every conditional write.
 */
export async function transact(
  items: NonNullable<TransactWriteCommandInput['TransactItems']>,
  onConflict: () => Error | Promise<Error>,
): Promise<void> {
  try {
    await transactWrite(items);
  } catch (error) {
    if (isConditionalFailure(error)) throw await onConflict();
    throw error;
  }
}
