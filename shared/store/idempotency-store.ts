/**
 * Idempotency records (shared/store/entities/idempotency-record.ts; the conditional-write
 * equivalent of Powertools idempotency, in the single table): a key is claimed before the work,
 * completed with the response after a success, and released after a failure so that nothing of a
 * refused request stays behind.
 */
import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from './dynamo/commands.ts';
import { dynamo, tableName } from './clients.ts';
import { idempotencyFromItem, idempotencyKeys, idempotencyToItem, type IdempotencyRecord } from './entities/idempotency-record.ts';
import { isConditionalFailure } from './errors.ts';
import { tableDefinition } from './resources.ts';

export type { IdempotencyRecord };

const ttlSeconds = 24 * 3600;

/** Claims `keyHash`; answers the existing record when someone already holds it. */
export async function claim(keyHash: string, requestHash: string, now = Date.now()): Promise<IdempotencyRecord | undefined> {
  const nowSeconds = Math.floor(now / 1000);
  const owner = randomUUID();
  try {
    await dynamo().send(
      new PutCommand({
        TableName: tableName(),
        Item: idempotencyToItem(keyHash, { status: 'in-progress', requestHash, owner }, nowSeconds + ttlSeconds),
        // An expired record (TTL deletion is lazy) counts as absent.
        ConditionExpression: 'attribute_not_exists(pk) OR #ttl < :now',
        ExpressionAttributeNames: { '#ttl': tableDefinition.timeToLiveAttribute },
        ExpressionAttributeValues: { ':now': nowSeconds },
      }),
    );
    return undefined;
  } catch (error) {
    if (!isConditionalFailure(error)) throw error;
  }
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: idempotencyKeys.item(keyHash), ConsistentRead: true }));
  const existing = out.Item ? idempotencyFromItem(out.Item) : undefined;
  // The SDK retried a Put that had committed (a timeout after the write): the claim is ours.
  return existing?.owner === owner ? undefined : existing;
}

export async function complete(keyHash: string, response: NonNullable<IdempotencyRecord['response']>): Promise<void> {
  await dynamo().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: idempotencyKeys.item(keyHash),
      UpdateExpression: 'SET #status = :completed, #response = :response',
      ExpressionAttributeNames: { '#status': 'status', '#response': 'response' },
      ExpressionAttributeValues: { ':completed': 'completed', ':response': response },
    }),
  );
}

export async function release(keyHash: string): Promise<void> {
  await dynamo().send(new DeleteCommand({ TableName: tableName(), Key: idempotencyKeys.item(keyHash) }));
}
