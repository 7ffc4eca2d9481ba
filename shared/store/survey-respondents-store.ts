/**
 * Respondents and answer counts of a survey.
 *
 * A respondent item is keyed by (survey, respondentId): whichever file, re-upload or resumed run
 * brings an id again finds it, and writing it twice leaves one item. It records the import and
 * line that brought it, which is how a resumed run tells its own earlier rows from duplicates.
 *
 * Answer counts live in one item per (unit, group, source): `n` responses and one `c:<q>=<option>`
 * counter per answer. An import writes its items once before it is marked done (the summary only
 * reads sources that are done or online); the online channel ADDs to its item in the transaction
 * that spends the invitation code, so each code counts exactly once.
 */
import { QueryCommand } from './dynamo/commands.ts';
import type { AcceptedAnswers } from '../domain/survey-rows.ts';
import type { GroupCounts } from '../domain/survey-counts.ts';
import { BatchWriter, writeAll } from './batch-writer.ts';
import { dynamo, tableName } from './clients.ts';
import {
  countPrefix,
  importSource,
  onlineSource,
  respondentHolderFromItem,
  respondentKeys,
  respondentShards,
  respondentToItem,
  tallyFromItem,
  tallyToItem,
  type StoredCounts,
} from './entities/respondent.ts';
import type { ImportRef } from './entities/survey-import.ts';
import { queryAll } from './query.ts';

export { importSource, onlineSource, type StoredCounts };

export function respondentItem(ref: ImportRef, line: number, row: AcceptedAnswers): Record<string, unknown> {
  return respondentToItem(ref, line, row);
}

export const respondentKey = (ref: ImportRef, respondentId: string) => respondentKeys.respondent(ref.year, ref.surveyId, respondentId);

/**
 * Who already holds each respondent id of the survey: a line number for rows of `ref`'s own
 * import (an earlier, interrupted run), the import id for other imports. Read with strong
 * consistency while the survey's ingestion lease is held, so nothing changes underneath.
 */
export async function loadRespondents(ref: ImportRef): Promise<Map<string, number | string>> {
  const held = new Map<string, number | string>();
  const importIds = new Map<string, string>(); // one string per import id, shared by its entries
  await Promise.all(
    Array.from({ length: respondentShards }, async (_, shard) => {
      let start: Record<string, unknown> | undefined;
      do {
        const out = await dynamo().send(
          new QueryCommand({
            TableName: tableName(),
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': respondentKeys.partition(ref.year, ref.surveyId, shard) },
            ProjectionExpression: 'sk, importId, line',
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        for (const item of out.Items ?? []) {
          const { respondentId, importId, line } = respondentHolderFromItem(item);
          if (importId === ref.importId) held.set(respondentId, line);
          else {
            let shared = importIds.get(importId);
            if (!shared) importIds.set(importId, (shared = importId));
            held.set(respondentId, shared);
          }
        }
        start = out.LastEvaluatedKey;
      } while (start);
    }),
  );
  return held;
}

/** Deletes the respondents an import holds (a refused file keeps nothing); `held` as loadRespondents gives it. */
export async function deleteImportRespondents(ref: ImportRef, held?: ReadonlyMap<string, number | string>): Promise<void> {
  const writer = new BatchWriter();
  for (const [id, holder] of held ?? (await loadRespondents(ref)))
    if (typeof holder === 'number') await writer.delete(respondentKey(ref, id));
  await writer.drain();
}

export function tallyItem(year: number, surveyId: string, source: string, g: GroupCounts): Record<string, unknown> {
  return tallyToItem(year, surveyId, source, g);
}

export async function writeImportCounts(ref: ImportRef, groups: readonly GroupCounts[]): Promise<void> {
  await writeAll(groups.map((g) => tallyToItem(ref.year, ref.surveyId, importSource(ref.importId), g)));
}

export async function readCounts(year: number, surveyId: string): Promise<StoredCounts[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': respondentKeys.tallyPartition(year, surveyId) },
    ConsistentRead: true,
  });
  return items.map(tallyFromItem);
}

/** The Update of a transaction that adds one online response to its (unit, group) counts. */
export function addOnlineCounts(year: number, surveyId: string, unitId: string, group: string, names: readonly string[]) {
  const attributeNames: Record<string, string> = { '#n': 'n', '#u': 'unitId', '#g': 'group', '#src': 'source' };
  const adds = ['#n :one'];
  names.forEach((name, i) => {
    attributeNames[`#c${i}`] = `${countPrefix}${name}`;
    adds.push(`#c${i} :one`);
  });
  return {
    Update: {
      TableName: tableName(),
      Key: respondentKeys.tally(year, surveyId, unitId, group, onlineSource),
      UpdateExpression: `SET #u = :u, #g = :g, #src = :src ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: attributeNames,
      ExpressionAttributeValues: { ':one': 1, ':u': unitId, ':g': group, ':src': onlineSource },
    },
  };
}
