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
 * a few hundred units and groups fit well inside an item.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { GroupCounts } from '../domain/survey-counts.ts';
import { dynamo, tableName } from './clients.ts';
import { isConditionalFailure } from './errors.ts';
import { surveyKeys } from './keys.ts';
import type { ImportCounts, ImportRef } from './survey-imports-store.ts';

export const leaseMs = 90_000;

/** Takes or renews the survey's ingestion lease for `ref.importId`; false while another import holds it. */
export async function acquireLease(ref: ImportRef, now = Date.now()): Promise<boolean> {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...surveyKeys.lease(ref.year, ref.surveyId),
          importId: ref.importId,
          leaseUntil: now + leaseMs,
          // The table's TTL removes a lease left behind by a run that never came back.
          expiresAt: Math.floor(now / 1000) + 86_400,
        },
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

export async function releaseLease(ref: ImportRef): Promise<void> {
  try {
    await dynamo().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: surveyKeys.lease(ref.year, ref.surveyId),
        ConditionExpression: 'importId = :me',
        ExpressionAttributeValues: { ':me': ref.importId },
      }),
    );
  } catch (error) {
    if (!isConditionalFailure(error)) throw error;
  }
}

export interface Checkpoint {
  /** Every row up to this line is done. */
  line: number;
  counts: ImportCounts;
  groups: GroupCounts[];
}

export async function getCheckpoint(ref: ImportRef): Promise<Checkpoint | undefined> {
  const out = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: surveyKeys.checkpoint(ref.year, ref.surveyId, ref.importId), ConsistentRead: true }),
  );
  if (!out.Item) return undefined;
  return JSON.parse(gunzipSync(out.Item.data as Uint8Array).toString('utf8')) as Checkpoint;
}

export async function putCheckpoint(ref: ImportRef, checkpoint: Checkpoint): Promise<void> {
  await dynamo().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...surveyKeys.checkpoint(ref.year, ref.surveyId, ref.importId),
        line: checkpoint.line,
        data: gzipSync(JSON.stringify(checkpoint)),
      },
    }),
  );
}

export async function deleteCheckpoint(ref: ImportRef): Promise<void> {
  await dynamo().send(new DeleteCommand({ TableName: tableName(), Key: surveyKeys.checkpoint(ref.year, ref.surveyId, ref.importId) }));
}
