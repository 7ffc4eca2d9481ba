/**
 * The items of a survey import: its record (status, counts, the file's key) in the cycle
 * partition, its row report (rejected and duplicate rows by line) and checkpoint in the import's
 * own partition, and the survey's ingestion lease.
 */
import { deferred } from '../../schemas/zod.ts';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { GroupCounts } from '../../domain/survey-counts.ts';
import { importFormats, importStatuses, type ImportFormat, type ImportStatus, type RowReport } from '../../schemas/api/survey-api.ts';
import * as z from 'zod/mini';

export const importKeys = {
  record: (year: number, surveyId: string, importId: string) => ({ pk: `CYCLE#${year}`, sk: `SURVEY#${surveyId}#IMPORT#${importId}` }),
  cyclePartition: (year: number) => `CYCLE#${year}`,
  /** Sort-key prefix of a survey's imports; `importsPrefix` of every survey's. */
  recordPrefix: (surveyId: string) => `SURVEY#${surveyId}#IMPORT#`,
  /** One ingestion at a time per survey: the duplicate check reads the respondents it then extends. */
  lease: (year: number, surveyId: string) => ({ pk: `CYCLE#${year}`, sk: `SURVEY#${surveyId}#INGEST-LEASE` }),
  rows: (year: number, surveyId: string, importId: string) => `SURVEYIMPORT#${year}#${surveyId}#${importId}`,
  row: (year: number, surveyId: string, importId: string, line: number) => ({
    pk: `SURVEYIMPORT#${year}#${surveyId}#${importId}`,
    sk: `ROW#${String(line).padStart(10, '0')}`,
  }),
  checkpoint: (year: number, surveyId: string, importId: string) => ({
    pk: `SURVEYIMPORT#${year}#${surveyId}#${importId}`,
    sk: 'CHECKPOINT',
  }),
} as const;

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
  /** Lines in the uploaded file, counted before its rows are read. */
  totalLines?: number;
}

const count = deferred(() => z.number().check(z.int(), z.gte(0)));
const countsSchema = deferred(() => z.object({ lines: count, accepted: count, duplicates: count, rejectedCount: count }));

const recordSchema = deferred(() =>
  z.extend(countsSchema, {
    year: z.number().check(z.int()),
    surveyId: z.string(),
    importId: z.string(),
    fileName: z.string(),
    format: z.enum(importFormats),
    objectKey: z.string(),
    status: z.enum(importStatuses),
    createdAt: z.string(),
    createdBy: z.string(),
    startedAt: z.optional(z.string()),
    finishedAt: z.optional(z.string()),
    attempts: z._default(count, 0),
    error: z.optional(z.string()),
    totalLines: z.optional(count),
  }),
);

export function importToItem(record: ImportRecord): Record<string, unknown> {
  return { ...importKeys.record(record.year, record.surveyId, record.importId), entity: 'survey-import', ...record };
}

export function importFromItem(item: Record<string, unknown>): ImportRecord {
  const { pk: _pk, sk: _sk, entity: _e, ...rest } = item;
  return recordSchema.parse(rest);
}

export type ReportRow = RowReport & { kind: 'rejected' | 'duplicate' };

const rowSchema = deferred(() =>
  z.object({
    line: z.number().check(z.int()),
    respondentId: z.string(),
    reason: z.string(),
    kind: z.enum(['rejected', 'duplicate']),
  }),
);

/** Keyed by line, so a resumed run rewrites a row in place. */
export function reportRowToItem(ref: ImportRef, kind: ReportRow['kind'], row: RowReport): Record<string, unknown> {
  return { ...importKeys.row(ref.year, ref.surveyId, ref.importId, row.line), kind, ...row };
}

export function reportRowFromItem(item: Record<string, unknown>): ReportRow {
  const { line, respondentId, reason, kind } = rowSchema.parse(item);
  return { line, respondentId, reason, kind };
}

export interface Checkpoint {
  /** Every row up to this line is done. */
  line: number;
  counts: ImportCounts;
  groups: GroupCounts[];
}

const checkpointSchema = deferred(() =>
  z.object({
    line: count,
    counts: countsSchema,
    groups: z.array(
      z.object({ unitId: z.string(), group: z.string(), responses: count, counts: z.record(z.string(), z.number().check(z.int())) }),
    ),
  }),
);

/** Gzipped JSON: the counts of a few hundred units and groups fit well inside an item. */
export function checkpointToItem(ref: ImportRef, checkpoint: Checkpoint): Record<string, unknown> {
  return {
    ...importKeys.checkpoint(ref.year, ref.surveyId, ref.importId),
    line: checkpoint.line,
    data: gzipSync(JSON.stringify(checkpoint)),
  };
}

export function checkpointFromItem(item: Record<string, unknown>): Checkpoint {
  const data = z.instanceof(Uint8Array).parse(item.data);
  return checkpointSchema.parse(JSON.parse(gunzipSync(data).toString('utf8')));
}

export function leaseToItem(ref: ImportRef, now: number, leaseMs: number): Record<string, unknown> {
  return {
    ...importKeys.lease(ref.year, ref.surveyId),
    importId: ref.importId,
    leaseUntil: now + leaseMs,
    // The table's TTL removes a lease left behind by a run that never came back.
    expiresAt: Math.floor(now / 1000) + 86_400,
  };
}

const leaseSchema = deferred(() => z.object({ importId: z.string(), leaseUntil: z.number() }));

export function leaseFromItem(item: Record<string, unknown>): { importId: string; leaseUntil: number } {
  return leaseSchema.parse(item);
}
