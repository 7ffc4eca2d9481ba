/**
 * What lets an ingestion be interrupted and run again: the per-survey lease and the checkpoint.
 *
 * Lease: one ingestion per survey at a time, because the duplicate check reads the survey's
 * respondents and then adds to them. It is held by an import id (a retry of the same import takes
 * it over at once; a crashed holder's lease lapses after `leaseMs`), renewed at every checkpoint.
 *
 * Checkpoint: "every row up to `line` is written (respondents and report rows) and these are the
 * counts so far". Written only after the writes it describes have completed, so a resumed run
 * starts after `line` with exactly the counts of the rows before it. Gzipped JSON: the counts of
 * a few hundred units and groups fit well inside an item (entities/survey-import.ts).
 */
import { DeleteCommand, GetCommand, PutCommand } from './dynamo/commands.ts';
import { dynamo, tableName } from './clients.ts';
import {
  checkpointFromItem,
  checkpointToItem,
  importKeys,
  leaseFromItem,
  leaseToItem,
  type Checkpoint,
  type ImportRef,
} from './entities/survey-import.ts';
import { isConditionalFailure } from './errors.ts';

export type { Checkpoint };

export const leaseMs = 90_000;

/** Takes or renews the survey's ingestion lease for `ref.importId`; false while another import holds it. */
export async function acquireLease(ref: ImportRef, now = Date.now()): Promise<boolean> {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: tableName(),
        Item: leaseToItem(ref, now, leaseMs),
        ConditionExpression: 'attribute_not_exists(pk) OR importId = :me OR leaseUntil < :now',
        ExpressionAttributeValues: { ':me': ref.importId, ':now': now },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalFailure(error)) return false;
    throw error;
  }
}

/** Who holds the survey's ingestion lease and until when (epoch ms); undefined when nobody does. */
export async function getLease(year: number, surveyId: string): Promise<{ importId: string; leaseUntil: number } | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: importKeys.lease(year, surveyId), ConsistentRead: true }));
  return out.Item ? leaseFromItem(out.Item) : undefined;
}

export async function releaseLease(ref: ImportRef): Promise<void> {
  try {
    await dynamo().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: importKeys.lease(ref.year, ref.surveyId),
        ConditionExpression: 'importId = :me',
        ExpressionAttributeValues: { ':me': ref.importId },
      }),
    );
  } catch (error) {
    if (!isConditionalFailure(error)) throw error;
  }
}

export async function getCheckpoint(ref: ImportRef): Promise<Checkpoint | undefined> {
  const out = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: importKeys.checkpoint(ref.year, ref.surveyId, ref.importId), ConsistentRead: true }),
  );
  return out.Item ? checkpointFromItem(out.Item) : undefined;
}

export async function putCheckpoint(ref: ImportRef, checkpoint: Checkpoint): Promise<void> {
  await dynamo().send(new PutCommand({ TableName: tableName(), Item: checkpointToItem(ref, checkpoint) }));
}

export async function deleteCheckpoint(ref: ImportRef): Promise<void> {
  await dynamo().send(new DeleteCommand({ TableName: tableName(), Key: importKeys.checkpoint(ref.year, ref.surveyId, ref.importId) }));
}
