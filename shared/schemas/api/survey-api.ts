/** Requests and answers of the survey routes: imports, invitations, public responses, summary. */
import * as z from 'zod/mini';
import { canonicalInt } from './common.ts';
import { keyId, ownRecord, reservedKeys, surveyParams } from '../files/survey-definition.ts';
import { idString, nfcText, deferred } from '../zod.ts';

export const importFormats = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof importFormats)[number];

export const createImportBody = deferred(() =>
  z.strictObject({
    /** Shown in reports only; the object key is chosen by the server. */
    fileName: nfcText(1, 255).check(z.refine((n) => !/[\p{Cc}\p{Cf}]/u.test(n), 'must not contain control or formatting characters')),
    format: z.enum(importFormats, { error: 'must be "csv" or "xlsx"' }),
  }),
);

export const importStatuses = ['pending', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof importStatuses)[number];

export const importParams = deferred(() => z.extend(surveyParams, { importId: idString }));

export const importReportQuery = deferred(() =>
  z.strictObject({
    /** Page through the row report: rows after this line. */
    after: z.optional(canonicalInt(0, 10_000_000, 'a line number')),
  }),
);

export const rowReportSchema = deferred(() => z.object({ line: z.number().check(z.int()), respondentId: z.string(), reason: z.string() }));
export type RowReport = z.infer<typeof rowReportSchema>;

export const importReportSchema = deferred(() =>
  z
    .object({
      importId: z.string(),
      surveyId: z.string(),
      year: z.number().check(z.int()),
      fileName: z.string(),
      format: z.enum(importFormats),
      status: z.enum(importStatuses),
      /** Rows counted as responses. */
      accepted: z.number().check(z.int()),
      /** Rows whose respondentId was already counted (this file or an earlier one). */
      duplicates: z.number().check(z.int()),
      rejectedCount: z.number().check(z.int()),
      /** Rejected rows with line number and every reason, in line order (a page of at most 1000). */
      rejected: z.array(rowReportSchema),
      duplicateRows: z.array(rowReportSchema),
      /** Lines read so far (progress while running). */
      lines: z.number().check(z.int()),
      /** Lines in the file (header included), from a counting pass before the rows are read: the progress bar's end. */
      totalLines: z.optional(z.number().check(z.int())),
      /** Why the whole file was refused (status failed): nothing of it was kept. */
      error: z.optional(z.string()),
      createdAt: z.string(),
      finishedAt: z.optional(z.string()),
      /** More report rows: ask again with `?after=<nextAfter>`. */
      nextAfter: z.optional(z.number().check(z.int())),
    })
    .register(z.globalRegistry, { id: 'SurveyImportReport' }),
);

/** The survey's imports, newest first: what the desk lists so that a running import is found again. */
export const importListSchema = deferred(() =>
  z
    .object({
      imports: z.array(
        z.pick(importReportSchema, {
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
    .register(z.globalRegistry, { id: 'SurveyImportList' }),
);

export const createImportResponse = deferred(() =>
  z
    .object({
      importId: z.string(),
      status: z.literal('pending'),
      objectKey: z.string(),
      maxBytes: z.number().check(z.int()),
      upload: z.object({ url: z.string(), fields: z.record(z.string(), z.string()) }),
      expiresAt: z.string(),
    })
    .register(z.globalRegistry, { id: 'SurveyImportUpload' }),
);

export const createInvitationsBody = deferred(() =>
  z.strictObject({
    unitId: keyId,
    group: keyId,
    /** One transaction holds the codes and the audit event: at most 99 per request. */
    count: z.number().check(z.int(), z.gte(1), z.lte(99)),
  }),
);

export const invitationsResponse = deferred(() =>
  z
    .object({
      surveyId: z.string(),
      unitId: z.string(),
      group: z.string(),
      /** Shown once: only their hashes are stored. */
      codes: z.array(z.string()),
      /** Each code's absolute answer URL on the console's origin (what the printed QR card encodes). */
      links: z.array(z.object({ code: z.string(), url: z.string() })),
    })
    .register(z.globalRegistry, { id: 'SurveyInvitations' }),
);

export const publicSurveyParams = deferred(() => z.strictObject({ surveyId: idString }));

export const publicResponseBody = deferred(() =>
  z.strictObject({
    code: z.string().check(z.minLength(4), z.maxLength(64)),
    // Any other key is an unknown question (the domain says so); reserved names never reach it.
    answers: ownRecord(
      z.string().check(
        z.maxLength(64),
        z.refine((k) => !reservedKeys.has(k), 'is a reserved name, not a question id'),
      ),
      z.union([z.string().check(z.maxLength(16)), z.null()], { error: 'must be an answer key, or null for no answer' }),
    ),
  }),
);

export const publicInvitationParams = deferred(() => z.strictObject({ code: z.string().check(z.minLength(4), z.maxLength(64)) }));

/** What a citizen holding a code sees: the unit's name and the questions asked of the code's group, nothing else. */
export const publicInvitationSchema = deferred(() =>
  z
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
    .register(z.globalRegistry, { id: 'SurveyInvitationView' }),
);

export const publicResponseAnswer = deferred(() =>
  z
    .object({ surveyId: z.string(), unitId: z.string(), group: z.string(), answered: z.number().check(z.int()) })
    .register(z.globalRegistry, { id: 'SurveyResponseReceipt' }),
);

export const summarySchema = deferred(() =>
  z
    .object({
      year: z.number().check(z.int()),
      surveyId: z.string(),
      unitType: z.string(),
      frameworkId: z.string(),
      units: z.array(
        z.object({
          unitId: z.string(),
          name: z.string(),
          groups: z.record(z.string(), z.object({ responses: z.number().check(z.int()), target: z.nullable(z.number().check(z.int())) })),
          leafScores: z.record(z.string(), z.number()),
          /** Survey leaves with no valid answer yet (they score 0). */
          missing: z.array(z.string()),
        }),
      ),
    })
    .register(z.globalRegistry, { id: 'SurveySummary' }),
);
