/** The province's own assessment: the Ministry's score and the export in the Ministry's form. */
import { deferred } from '../zod.ts';
import * as z from 'zod/mini';
import { ownRecord } from '../own-record.ts';
import { frameworkCode } from '../codes.ts';
import { assessmentParams } from './assessment.ts';

const points = deferred(() => z.number().check(z.gte(0, 'must not be negative'), z.lte(1000)));
const byCode = ownRecord(frameworkCode('1.1'), points);

export const ministryExportQuery = deferred(() => z.strictObject({ format: z._default(z.enum(['xlsx', 'html']), 'xlsx') }));

export const ministryExportSchema = deferred(() =>
  z
    .object({
      fileName: z.string(),
      contentType: z.string(),
      encoding: z.enum(['base64', 'utf8']),
      content: z.string(),
    })
    .register(z.globalRegistry, { id: 'MinistryExport' }),
);

export const putMinistryScoreBody = deferred(() =>
  z.strictObject({
    leaves: z.optional(byCode),
    areas: z.optional(byCode),
    total: z.optional(points),
    decision: z.optional(z.string().check(z.minLength(1), z.maxLength(300))),
    note: z.optional(z.string().check(z.maxLength(2000))),
    reason: z.optional(z.string().check(z.minLength(1), z.maxLength(2000))),
    expectedVersion: z.number().check(z.int(), z.gte(0)),
  }),
);

const comparisonRow = deferred(() =>
  z.object({
    code: z.string(),
    name: z.string(),
    maxPoints: z.number(),
    self: z.number(),
    ministry: z.nullable(z.number()),
    difference: z.nullable(z.number()),
  }),
);

export const ministryScoreSchema = deferred(() =>
  z
    .object({
      score: z.nullable(
        z.object({
          leaves: z.optional(z.record(z.string(), z.number())),
          areas: z.optional(z.record(z.string(), z.number())),
          total: z.number(),
          decision: z.optional(z.string()),
          note: z.optional(z.string()),
          recordedAt: z.string(),
          recordedBy: z.string(),
          version: z.number().check(z.int()),
        }),
      ),
      version: z.number().check(z.int()),
      comparison: z.object({
        areas: z.array(comparisonRow),
        selfTotal: z.number(),
        ministryTotal: z.nullable(z.number()),
        difference: z.nullable(z.number()),
      }),
    })
    .register(z.globalRegistry, { id: 'MinistryScore' }),
);

export { assessmentParams as provinceParams };
