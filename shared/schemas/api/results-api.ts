import { assessmentStates } from '../../domain/assessment-workflow.ts';
import { yearParam } from './common.ts';
import { unitTypeSchema } from '../unit-types.ts';
import { publishedBySchema, resultsSchema } from '../files/results.ts';
import { idString, deferred } from '../zod.ts';
import * as z from 'zod/mini';

export const resultsParams = deferred(() => z.strictObject({ year: yearParam }));
export const resultsQuery = deferred(() =>
  z.strictObject({
    type: z.optional(z.enum(['department', 'district', 'commune'])),
    /** A district council's draft (its communes); a district council's token reads its own without it. */
    district: z.optional(idString),
  }),
);
/** The published results: every council's together (`type` only). */
export const publicResultsQuery = deferred(() => z.strictObject({ type: z.optional(z.enum(['department', 'district', 'commune'])) }));

export const draftSchema = deferred(() =>
  z
    .object({
      year: z.number().check(z.int()),
      status: z.enum(['draft', 'approved']),
      computedAt: z.string(),
      computedBy: z.string(),
      /** Units whose appraisal is not finalised: their results may still change. */
      notFinalized: z.array(z.object({ unitId: z.string(), state: z.union([z.enum(assessmentStates), z.literal('none')]) })),
      results: z.partialRecord(unitTypeSchema, resultsSchema),
      /** The district whose council this draft is (its communes); absent: the provincial council's. */
      council: z.optional(z.string()),
      /** The admin's computation: the drafts computed for the district councils at the same time. */
      districts: z.optional(
        z.array(
          z.object({
            district: z.string(),
            computedAt: z.string(),
            units: z.number().check(z.int()),
            notFinalized: z.number().check(z.int()),
          }),
        ),
      ),
    })
    .register(z.globalRegistry, { id: 'DraftResults' }),
);

export const approveBody = deferred(() =>
  z.strictObject({
    /** The council's decision that approves the results, e.g. "Quyết định số 123/QĐ-HĐTĐ". */
    decision: z.string().check(z.trim(), z.minLength(3), z.maxLength(300)),
    /** The draft the council read: approving a draft that was recomputed since is refused. */
    computedAt: z.string(),
    /** The district whose communes are approved; a district council's token names its own (and may leave it out). */
    district: z.optional(idString),
  }),
);

export const reportFileSchema = deferred(() =>
  z.object({
    name: z.string(),
    contentType: z.string(),
    bytes: z.number().check(z.int()),
    sha256: z.string(),
    url: z.optional(z.string()),
    /** The council decision that published the file. */
    publishedBy: z.optional(publishedBySchema),
  }),
);

/** A publication's report files: `pending` from the approval until the report function has written them (seconds). */
const reportStateSchema = deferred(() => z.enum(['pending', 'ready']));

const councilPublicationSchema = deferred(() =>
  z.extend(publishedBySchema, { units: z.number().check(z.int()), reports: z.optional(reportStateSchema) }),
);

export const publicationSchema = deferred(() =>
  z
    .object({
      year: z.number().check(z.int()),
      decision: z.string(),
      approvedAt: z.string(),
      results: z.partialRecord(unitTypeSchema, resultsSchema),
      /** Every council publication of the year (the provincial council's first); each unit names its own in `publishedBy`. */
      councils: z.optional(z.array(councilPublicationSchema)),
    })
    .register(z.globalRegistry, { id: 'PublishedResults' }),
);

export const reportsSchema = deferred(() =>
  z
    .object({
      year: z.number().check(z.int()),
      decision: z.string(),
      approvedAt: z.string(),
      /** The files written so far (none while this council's, or the only council's, are pending). */
      files: z.array(reportFileSchema),
      /** `pending` while any council's report files are still being written (the approval answers `pending`). */
      reports: z.optional(reportStateSchema),
      /** The approving council's decision (approval answer). */
      publishedBy: z.optional(publishedBySchema),
      /** The councils the cycle still waits for after this approval (`province` or a district id). */
      awaiting: z.optional(z.array(z.string())),
      councils: z.optional(z.array(councilPublicationSchema)),
    })
    .register(z.globalRegistry, { id: 'PublishedReports' }),
);
