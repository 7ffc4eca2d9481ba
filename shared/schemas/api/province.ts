/** The province's own assessment: the Ministry's score and the export in the Ministry's form. */
import * as z from 'zod';
import { ownRecord } from '../own-record.ts';
import { frameworkCode } from '../codes.ts';
import { assessmentParams } from './assessment.ts';

const points = z.number().min(0, 'must not be negative').max(1000);
const byCode = ownRecord(frameworkCode('1.1'), points);

export const ministryExportQuery = z.strictObject({ format: z.enum(['xlsx', 'html']).default('xlsx') });

export const ministryExportSchema = z
  .object({
    fileName: z.string(),
    contentType: z.string(),
    encoding: z.enum(['base64', 'utf8']),
    content: z.string(),
  })
  .meta({ id: 'MinistryExport' });

export const putMinistryScoreBody = z.strictObject({
  leaves: byCode.optional(),
  areas: byCode.optional(),
  total: points.optional(),
  decision: z.string().min(1).max(300).optional(),
  note: z.string().max(2000).optional(),
  reason: z.string().min(1).max(2000).optional(),
  expectedVersion: z.number().int().min(0),
});

const comparisonRow = z.object({
  code: z.string(),
  name: z.string(),
  maxPoints: z.number(),
  self: z.number(),
  ministry: z.number().nullable(),
  difference: z.number().nullable(),
});

export const ministryScoreSchema = z
  .object({
    score: z
      .object({
        leaves: z.record(z.string(), z.number()).optional(),
        areas: z.record(z.string(), z.number()).optional(),
        total: z.number(),
        decision: z.string().optional(),
        note: z.string().optional(),
        recordedAt: z.string(),
        recordedBy: z.string(),
        version: z.number().int(),
      })
      .nullable(),
    version: z.number().int(),
    comparison: z.object({
      areas: z.array(comparisonRow),
      selfTotal: z.number(),
      ministryTotal: z.number().nullable(),
      difference: z.number().nullable(),
    }),
  })
  .meta({ id: 'MinistryScore' });

export { assessmentParams as provinceParams };
