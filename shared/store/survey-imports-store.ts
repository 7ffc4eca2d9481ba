/**
 * Survey import records and their row reports (shared/store/entities/survey-import.ts). The record
 * moves pending → running → done | failed; the move to done or failed is audited in the same
 * transaction and only happens from running, so a duplicate upload event cannot finish twice.
 * While pending or running a record sits in the sparse "open imports" index, which is how
 * stuck imports are found again.
 */
import { GetCommand, QueryCommand, UpdateCommand } from './dynamo/commands.ts';
import { DomainError } from '../domain/errors.ts';
import type { Caller } from '../domain/roles.ts';
import type { RowReport } from '../schemas/api/survey-api.ts';
import { auditEvent, auditPut } from './audit.ts';
import { dynamo, tableName } from './clients.ts';
import {
  importFromItem,
  importKeys,
  importToItem,
  reportRowFromItem,
  reportRowToItem,
  type ImportCounts,
  type ImportRecord,
  type ImportRef,
  type ReportRow,
} from './entities/survey-import.ts';
import { surveyAuditSubject } from './entities/survey.ts';
import { isConditionalFailure, StateConflict } from './errors.ts';
import { queryAll } from './query.ts';
import { transact, transactWrite } from './transactions.ts';

export type { ImportCounts, ImportRecord, ImportRef, ReportRow };

/** The actor of what the upload event does (audit events name it). */
export const ingestionCaller: Caller = { subject: 'system', username: 'system:survey-ingestion', roles: ['admin'], areas: [] };

const zero: ImportCounts = { lines: 0, accepted: 0, duplicates: 0, rejectedCount: 0 };

/** The sparse index of imports not finished yet (pending or running). */
const openIndex = (ref: ImportRef) => ({ gsi1pk: 'SURVEYIMPORTS#OPEN', gsi1sk: `${ref.year}#${ref.surveyId}#${ref.importId}` });

export async function createImport(
  caller: Caller,
  fields: Omit<ImportRecord, keyof ImportCounts | 'status' | 'attempts'>,
): Promise<ImportRecord> {
  const record: ImportRecord = { ...fields, ...zero, status: 'pending', attempts: 0 };
  await transactWrite([
    {
      Put: {
        TableName: tableName(),
        Item: { ...importToItem(record), ...openIndex(record) },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    auditPut(
      auditEvent(caller, surveyAuditSubject(fields.year, fields.surveyId), 'survey.import.created', {
        target: fields.importId,
        after: { fileName: fields.fileName, format: fields.format, objectKey: fields.objectKey },
      }),
    ),
  ]);
  return record;
}

export async function getImport(ref: ImportRef): Promise<ImportRecord | undefined> {
  const out = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: importKeys.record(ref.year, ref.surveyId, ref.importId), ConsistentRead: true }),
  );
  return out.Item ? importFromItem(out.Item) : undefined;
}

export async function listImports(year: number, surveyId: string): Promise<ImportRecord[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': importKeys.cyclePartition(year), ':prefix': importKeys.recordPrefix(surveyId) },
    ConsistentRead: true,
  });
  return items.map(importFromItem);
}

/** Imports not finished (pending or running), from the sparse index (eventually consistent: re-read before acting). */
export async function listOpenImports(): Promise<ImportRef[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': 'SURVEYIMPORTS#OPEN' },
  });
  return items.map((item) => {
    const { year, surveyId, importId } = importFromItem(item);
    return { year, surveyId, importId };
  });
}

/** pending|running → running (a retry of a crashed run stays running); false when already finished. */
export async function startRun(ref: ImportRef): Promise<boolean> {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: importKeys.record(ref.year, ref.surveyId, ref.importId),
        UpdateExpression: 'SET #s = :running, startedAt = if_not_exists(startedAt, :now), attempts = attempts + :one',
        ConditionExpression: '#s IN (:pending, :running)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':running': 'running', ':pending': 'pending', ':now': new Date().toISOString(), ':one': 1 },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalFailure(error)) return false;
    throw error;
  }
}

/** Progress shown while running; informational (the checkpoint is what a resumed run trusts). */
export async function saveProgress(ref: ImportRef, counts: ImportCounts): Promise<void> {
  await dynamo().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: importKeys.record(ref.year, ref.surveyId, ref.importId),
      UpdateExpression: 'SET #l = :l, accepted = :a, duplicates = :d, rejectedCount = :r',
      ConditionExpression: '#s = :running',
      ExpressionAttributeNames: { '#s': 'status', '#l': 'lines' },
      ExpressionAttributeValues: {
        ':l': counts.lines,
        ':a': counts.accepted,
        ':d': counts.duplicates,
        ':r': counts.rejectedCount,
        ':running': 'running',
      },
    }),
  );
}

/** The file's line count, from the counting pass; written once per import (a resumed run keeps it). */
export async function saveTotalLines(ref: ImportRef, totalLines: number): Promise<void> {
  await dynamo().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: importKeys.record(ref.year, ref.surveyId, ref.importId),
      UpdateExpression: 'SET totalLines = :t',
      ConditionExpression: '#s = :running',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':t': totalLines, ':running': 'running' },
    }),
  );
}

async function finish(ref: ImportRef, status: 'done' | 'failed', counts: ImportCounts, error?: string): Promise<void> {
  const finishedAt = new Date().toISOString();
  await transact(
    [
      {
        Update: {
          TableName: tableName(),
          Key: importKeys.record(ref.year, ref.surveyId, ref.importId),
          UpdateExpression: `SET #s = :status, finishedAt = :now, #l = :l, accepted = :a, duplicates = :d, rejectedCount = :r${error ? ', #e = :e' : ''} REMOVE gsi1pk, gsi1sk`,
          ConditionExpression: '#s = :running',
          ExpressionAttributeNames: { '#s': 'status', '#l': 'lines', ...(error ? { '#e': 'error' } : {}) },
          ExpressionAttributeValues: {
            ':status': status,
            ':now': finishedAt,
            ':l': counts.lines,
            ':a': counts.accepted,
            ':d': counts.duplicates,
            ':r': counts.rejectedCount,
            ':running': 'running',
            ...(error ? { ':e': error } : {}),
          },
        },
      },
      auditPut(
        auditEvent(ingestionCaller, surveyAuditSubject(ref.year, ref.surveyId), `survey.import.${status}`, {
          target: ref.importId,
          before: { status: 'running' },
          after: { status, ...counts, ...(error ? { error } : {}) },
        }),
      ),
    ],
    // Another delivery of the same upload event finished it first: its result stands.
    () => new StateConflict(`import ${ref.importId} is no longer running`),
  );
}

export const completeImport = (ref: ImportRef, counts: ImportCounts) => finish(ref, 'done', counts);
/** A refused file keeps nothing: the counts go back to zero with the reason. */
export const failImport = (ref: ImportRef, lines: number, error: string) => finish(ref, 'failed', { ...zero, lines }, error);

/**
 * failed → pending, audited: an administrator re-runs a refused import (the same object, e.g.
 * after the definition was fixed). Only a failed import, and only once per failure.
 */
export async function reopenImport(caller: Caller, ref: ImportRef, reason?: string): Promise<ImportRecord> {
  const before = await getImport(ref);
  await transact(
    [
      {
        Update: {
          TableName: tableName(),
          Key: importKeys.record(ref.year, ref.surveyId, ref.importId),
          UpdateExpression: 'SET #s = :pending, #l = :zero, gsi1pk = :gpk, gsi1sk = :gsk REMOVE #e, finishedAt, startedAt',
          ConditionExpression: '#s = :failed',
          ExpressionAttributeNames: { '#s': 'status', '#e': 'error', '#l': 'lines' },
          ExpressionAttributeValues: {
            ':pending': 'pending',
            ':failed': 'failed',
            ':zero': 0,
            ':gpk': openIndex(ref).gsi1pk,
            ':gsk': openIndex(ref).gsi1sk,
          },
        },
      },
      auditPut(
        auditEvent(caller, surveyAuditSubject(ref.year, ref.surveyId), 'survey.import.rerun', {
          target: ref.importId,
          before: { status: before?.status, error: before?.error },
          after: { status: 'pending' },
          ...(reason ? { reason } : {}),
        }),
      ),
    ],
    async () => {
      const current = await getImport(ref);
      if (!current) return new DomainError('IMPORT_NOT_FOUND', `import ${ref.importId} does not exist`);
      return new StateConflict(`import ${ref.importId} is ${current.status}: only a failed import can be re-run`, {
        state: current.status,
        allowed: ['failed'],
      });
    },
  );
  const after = await getImport(ref);
  if (!after) throw new DomainError('IMPORT_NOT_FOUND', `import ${ref.importId} does not exist`);
  return after;
}

/** The report item of a rejected or duplicate row; keyed by line, so a resumed run rewrites it in place. */
export function reportRowItem(ref: ImportRef, kind: 'rejected' | 'duplicate', row: RowReport): Record<string, unknown> {
  return reportRowToItem(ref, kind, row);
}

export async function reportRows(ref: ImportRef, after: number, limit: number): Promise<{ rows: ReportRow[]; more: boolean }> {
  const rows: ReportRow[] = [];
  const pk = importKeys.rows(ref.year, ref.surveyId, ref.importId);
  let start: Record<string, unknown> | undefined;
  do {
    const out = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND sk > :after',
        ExpressionAttributeValues: { ':pk': pk, ':after': importKeys.row(ref.year, ref.surveyId, ref.importId, after).sk },
        ConsistentRead: true,
        Limit: limit + 1 - rows.length,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of out.Items ?? []) if (String(item.sk).startsWith('ROW#')) rows.push(reportRowFromItem(item));
    start = out.LastEvaluatedKey;
  } while (start && rows.length <= limit);
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}

/** Every report row key of an import (for the rollback of a refused file). */
export async function reportRowKeys(ref: ImportRef): Promise<Record<string, unknown>[]> {
  return queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :row)',
    ExpressionAttributeValues: { ':pk': importKeys.rows(ref.year, ref.surveyId, ref.importId), ':row': 'ROW#' },
    ProjectionExpression: 'pk, sk',
    ConsistentRead: true,
  });
}
