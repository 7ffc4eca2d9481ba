/**
 * Survey import records (status, counts, the file's key) and their row reports. The record moves
 * pending → running → done | failed; the move to done or failed is audited in the same
 * transaction and only happens from running, so a duplicate upload event cannot finish twice.
 */
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Caller } from '../domain/roles.ts';
import type { ImportFormat, ImportStatus, RowReport } from '../schemas/survey-api.ts';
import { auditEvent, auditPut } from './audit.ts';
import { dynamo, tableName } from './clients.ts';
import { isConditionalFailure, StateConflict } from './errors.ts';
import { queryAll } from './query.ts';
import { keys, surveyKeys } from './keys.ts';
import { auditSubject } from './surveys-store.ts';
import { transactWrite } from './transactions.ts';

export interface ImportRef {
  year: number;
  surveyId: string;
  importId: string;
}

export interface ImportCounts {
  lines: number;
  accepted: number;
  duplicates: number;
  rejectedCount: number;
}

export interface ImportRecord extends ImportRef, ImportCounts {
  fileName: string;
  format: ImportFormat;
  objectKey: string;
  status: ImportStatus;
  createdAt: string;
  createdBy: string;
  startedAt?: string;
  finishedAt?: string;
  attempts: number;
  error?: string;
}

/** The actor of what the upload event does (audit events name it). */
export const ingestionCaller: Caller = { subject: 'system', username: 'system:survey-ingestion', roles: ['admin'], areas: [] };

const zero: ImportCounts = { lines: 0, accepted: 0, duplicates: 0, rejectedCount: 0 };

function toRecord(item: Record<string, unknown>): ImportRecord {
  const { pk: _pk, sk: _sk, entity: _e, ...record } = item;
  return record as unknown as ImportRecord;
}

export async function createImport(
  caller: Caller,
  fields: Omit<ImportRecord, keyof ImportCounts | 'status' | 'attempts'>,
): Promise<ImportRecord> {
  const record: ImportRecord = { ...fields, ...zero, status: 'pending', attempts: 0 };
  await transactWrite([
    {
      Put: {
        TableName: tableName(),
        Item: { ...surveyKeys.import(fields.year, fields.surveyId, fields.importId), entity: 'survey-import', ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    auditPut(
      auditEvent(caller, auditSubject(fields.year, fields.surveyId), 'survey.import.created', {
        target: fields.importId,
        after: { fileName: fields.fileName, format: fields.format, objectKey: fields.objectKey },
      }),
    ),
  ]);
  return record;
}

export async function getImport(ref: ImportRef): Promise<ImportRecord | undefined> {
  const out = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: surveyKeys.import(ref.year, ref.surveyId, ref.importId), ConsistentRead: true }),
  );
  return out.Item ? toRecord(out.Item) : undefined;
}

export async function listImports(year: number, surveyId: string): Promise<ImportRecord[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.cycle(year).pk, ':prefix': surveyKeys.importPrefix(surveyId) },
    ConsistentRead: true,
  });
  return items.map(toRecord);
}

/** pending|running → running (a retry of a crashed run stays running); false when already finished. */
export async function startRun(ref: ImportRef): Promise<boolean> {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: surveyKeys.import(ref.year, ref.surveyId, ref.importId),
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
      Key: surveyKeys.import(ref.year, ref.surveyId, ref.importId),
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

async function finish(ref: ImportRef, status: 'done' | 'failed', counts: ImportCounts, error?: string): Promise<void> {
  const finishedAt = new Date().toISOString();
  try {
    await transactWrite([
      {
        Update: {
          TableName: tableName(),
          Key: surveyKeys.import(ref.year, ref.surveyId, ref.importId),
          UpdateExpression: `SET #s = :status, finishedAt = :now, #l = :l, accepted = :a, duplicates = :d, rejectedCount = :r${error ? ', #e = :e' : ''}`,
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
        auditEvent(ingestionCaller, auditSubject(ref.year, ref.surveyId), `survey.import.${status}`, {
          target: ref.importId,
          before: { status: 'running' },
          after: { status, ...counts, ...(error ? { error } : {}) },
        }),
      ),
    ]);
  } catch (e) {
    // Another delivery of the same upload event finished it first: its result stands.
    if (isConditionalFailure(e)) throw new StateConflict(`import ${ref.importId} is no longer running`);
    throw e;
  }
}

export const completeImport = (ref: ImportRef, counts: ImportCounts) => finish(ref, 'done', counts);
/** A refused file keeps nothing: the counts go back to zero with the reason. */
export const failImport = (ref: ImportRef, lines: number, error: string) => finish(ref, 'failed', { ...zero, lines }, error);

/** The report item of a rejected or duplicate row; keyed by line, so a resumed run rewrites it in place. */
export function reportRowItem(ref: ImportRef, kind: 'rejected' | 'duplicate', row: RowReport): Record<string, unknown> {
  return { ...surveyKeys.importRow(ref.year, ref.surveyId, ref.importId, row.line), kind, ...row };
}

export async function reportRows(
  ref: ImportRef,
  after: number,
  limit: number,
): Promise<{ rows: (RowReport & { kind: 'rejected' | 'duplicate' })[]; more: boolean }> {
  const rows: (RowReport & { kind: 'rejected' | 'duplicate' })[] = [];
  const pk = surveyKeys.importRows(ref.year, ref.surveyId, ref.importId);
  let start: Record<string, unknown> | undefined;
  do {
    const out = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND sk > :after',
        ExpressionAttributeValues: { ':pk': pk, ':after': surveyKeys.importRow(ref.year, ref.surveyId, ref.importId, after).sk },
        ConsistentRead: true,
        Limit: limit + 1 - rows.length,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of out.Items ?? []) {
      if (!String(item.sk).startsWith('ROW#')) continue;
      rows.push({
        line: item.line as number,
        respondentId: item.respondentId as string,
        reason: item.reason as string,
        kind: item.kind as 'rejected',
      });
    }
    start = out.LastEvaluatedKey;
  } while (start && rows.length <= limit);
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}

/** Every report row key of an import (for the rollback of a refused file). */
export async function reportRowKeys(ref: ImportRef): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :row)',
        ExpressionAttributeValues: { ':pk': surveyKeys.importRows(ref.year, ref.surveyId, ref.importId), ':row': 'ROW#' },
        ProjectionExpression: 'pk, sk',
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    found.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return found;
}
