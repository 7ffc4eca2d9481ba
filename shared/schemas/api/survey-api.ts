/** Requests and answers of the survey routes: imports, invitations, public responses, summary. */
import * as z from 'zod';
import { canonicalInt } from './common.ts';
import { keyId, ownRecord, reservedKeys, surveyParams } from '../files/survey-definition.ts';
import { idString, nfcText } from '../zod.ts';

export const importFormats = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof importFormats)[number];

export const createImportBody = z.strictObject({
  /** Shown in reports only; the object key is chosen by the server. */
  fileName: nfcText(1, 255).refine((n) => !/[\p{Cc}\p{Cf}]/u.test(n), 'must not contain control or formatting characters'),
  format: z.enum(importFormats, { error: 'must be "csv" or "xlsx"' }),
});

export const importStatuses = ['pending', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof importStatuses)[number];

export const importParams = surveyParams.extend({ importId: idString });

export const importReportQuery = z.strictObject({
  /** Page through the row report: rows after this line. */
  after: canonicalInt(0, 10_000_000, 'a line number').optional(),
});

export const rowReportSchema = z.object({ line: z.number().int(), respondentId: z.string(), reason: z.string() });
export type RowReport = z.infer<typeof rowReportSchema>;

export const importReportSchema = z
  .object({
    importId: z.string(),
    surveyId: z.string(),
    year: z.number().int(),
    fileName: z.string(),
    format: z.enum(importFormats),
    status: z.enum(importStatuses),
    /** Rows counted as responses. */
    accepted: z.number().int(),
    /** Rows whose respondentId was already counted (this file or an earlier one). */
    duplicates: z.number().int(),
    rejectedCount: z.number().int(),
    /** Rejected rows with line number and every reason, in line order (a page of at most 1000). */
    rejected: z.array(rowReportSchema),
    duplicateRows: z.array(rowReportSchema),
    /** Lines read so far (progress while running). */
    lines: z.number().int(),
    /** Lines in the file (header included), from a counting pass before the rows are read: the progress bar's end. */
    totalLines: z.number().int().optional(),
    /** Why the whole file was refused (status failed): nothing of it was kept. */
    error: z.string().optional(),
    createdAt: z.string(),
    finishedAt: z.string().optional(),
    /** More report rows: ask again with `?after=<nextAfter>`. */
    nextAfter: z.number().int().optional(),
  })
  .meta({ id: 'SurveyImportReport' });

/** The survey's imports, newest first: what the desk lists so that a running import is found again. */
export const importListSchema = z
  .object({
    imports: z.array(
      importReportSchema.pick({
        importId: true,
        fileName: true,
        format: true,
        status: true,
        accepted: true,
        duplicates: true,
        rejectedCount: true,
        lines: true,
        totalLines: true,
        createdAt: true,
        finishedAt: true,
      }),
    ),
  })
  .meta({ id: 'SurveyImportList' });

export const createImportResponse = z
  .object({
    importId: z.string(),
    status: z.literal('pending'),
    objectKey: z.string(),
    maxBytes: z.number().int(),
    upload: z.object({ url: z.string(), fields: z.record(z.string(), z.string()) }),
    expiresAt: z.string(),
  })
  .meta({ id: 'SurveyImportUpload' });

export const createInvitationsBody = z.strictObject({
  unitId: keyId,
  group: keyId,
  /** One transaction holds the codes and the audit event: at most 99 per request. */
  count: z.number().int().min(1).max(99),
});

export const invitationsResponse = z
  .object({
    surveyId: z.string(),
    unitId: z.string(),
    group: z.string(),
    /** Shown once: only their hashes are stored. */
    codes: z.array(z.string()),
    /** Each code's absolute answer URL on the console's origin (what the printed QR card encodes). */
    links: z.array(z.object({ code: z.string(), url: z.string() })),
  })
  .meta({ id: 'SurveyInvitations' });

export const publicSurveyParams = z.strictObject({ surveyId: idString });

export const publicResponseBody = z.strictObject({
  code: z.string().min(4).max(64),
  // Any other key is an unknown question (the domain says so); reserved names never reach it.
  answers: ownRecord(
    z
      .string()
      .max(64)
      .refine((k) => !reservedKeys.has(k), 'is a reserved name, not a question id'),
    z.union([z.string().max(16), z.null()], { error: 'must be an answer key, or null for no answer' }),
  ),
});

export const publicInvitationParams = z.strictObject({ code: z.string().min(4).max(64) });

/** What a citizen holding a code sees: the unit's name and the questions asked of the code's group, nothing else. */
export const publicInvitationSchema = z
  .object({
    surveyId: z.string(),
    surveyName: z.string(),
    unitName: z.string(),
    groupLabel: z.string(),
    questions: z.array(
      z.object({
        id: z.string(),
        text: z.string(),
        options: z.array(z.object({ key: z.string(), label: z.string() })),
      }),
    ),
  })
  .meta({ id: 'SurveyInvitationView' });

export const publicResponseAnswer = z
  .object({ surveyId: z.string(), unitId: z.string(), group: z.string(), answered: z.number().int() })
  .meta({ id: 'SurveyResponseReceipt' });

export const summarySchema = z
  .object({
    year: z.number().int(),
    surveyId: z.string(),
    unitType: z.string(),
    frameworkId: z.string(),
    units: z.array(
      z.object({
        unitId: z.string(),
        name: z.string(),
        groups: z.record(z.string(), z.object({ responses: z.number().int(), target: z.number().int().nullable() })),
        leafScores: z.record(z.string(), z.number()),
        /** Survey leaves with no valid answer yet (they score 0). */
        missing: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'SurveySummary' });
