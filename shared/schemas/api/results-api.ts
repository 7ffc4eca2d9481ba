import { assessmentStates } from '../../domain/assessment-workflow.ts';
import { yearParam } from './common.ts';
import { unitTypeSchema } from '../files/framework.ts';
import { resultsSchema } from '../files/results.ts';
import * as z from 'zod';

export const resultsParams = z.strictObject({ year: yearParam });
export const resultsQuery = z.strictObject({ type: z.enum(['department', 'district', 'commune']).optional() });

export const draftSchema = z
  .object({
    year: z.number().int(),
    status: z.enum(['draft', 'approved']),
    computedAt: z.string(),
    computedBy: z.string(),
    /** Units whose appraisal is not finalised: their results may still change. */
    notFinalized: z.array(z.object({ unitId: z.string(), state: z.enum(assessmentStates).or(z.literal('none')) })),
    results: z.partialRecord(unitTypeSchema, resultsSchema),
  })
  .meta({ id: 'DraftResults' });

export const approveBody = z.strictObject({
  /** The council's decision that approves the results, e.g. "Quyết định số 123/QĐ-HĐTĐ". */
  decision: z.string().trim().min(3).max(300),
  /** The draft the council read: approving a draft that was recomputed since is refused. */
  computedAt: z.string(),
});

export const reportFileSchema = z.object({
  name: z.string(),
  contentType: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  url: z.string().optional(),
});

export const publicationSchema = z
  .object({
    year: z.number().int(),
    decision: z.string(),
    approvedAt: z.string(),
    results: z.partialRecord(unitTypeSchema, resultsSchema),
  })
  .meta({ id: 'PublishedResults' });

export const reportsSchema = z
  .object({ year: z.number().int(), decision: z.string(), approvedAt: z.string(), files: z.array(reportFileSchema) })
  .meta({ id: 'PublishedReports' });
