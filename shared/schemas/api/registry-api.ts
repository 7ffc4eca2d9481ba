/** Registry changes: the bulk import with its dry-run report, retiring and merging, a cycle's registry. */
import * as z from 'zod';
import { unitTypeSchema } from '../files/framework.ts';
import { unitSchema, unitYear } from '../domain/units.ts';
import { cycleSchema } from '../domain/cycles.ts';
import { idString, nfcText } from '../zod.ts';

/** ~700 KB of file: the whole provincial registry as CSV is ~20 KB, as XLSX ~15 KB. */
const maxBase64 = 1_000_000;

export const registryImportBody = z.strictObject({
  fileName: nfcText(1, 200),
  contentBase64: z
    .string()
    .min(1)
    .max(maxBase64, 'the file is too large (about 700 KB at most)')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
  dryRun: z.boolean(),
});

const unitState = unitSchema.omit({ version: true });

export const registryImportReportSchema = z
  .object({
    dryRun: z.boolean(),
    summary: z.object({
      rows: z.number().int(),
      create: z.number().int(),
      update: z.number().int(),
      retire: z.number().int(),
      merge: z.number().int(),
      unchanged: z.number().int(),
    }),
    changes: z.array(
      z.object({
        line: z.number().int(),
        unitId: z.string(),
        action: z.enum(['create', 'update', 'retire', 'merge', 'unchanged']),
        before: unitState.optional(),
        after: unitState.optional(),
      }),
    ),
    problems: z.array(z.object({ line: z.number().int(), field: z.string(), code: z.string(), message: z.string() })),
  })
  .meta({ id: 'RegistryImportReport' });

export const retireUnitBody = z.strictObject({
  /** The last cycle year the unit is assessed in. */
  validTo: unitYear,
  successorId: idString.optional(),
  expectedVersion: z.number().int().min(1),
  reason: nfcText(1, 2000).optional(),
});

export const cycleUnitSchema = z
  .object({
    id: z.string(),
    type: unitTypeSchema,
    name: z.string(),
    parentId: z.string().optional(),
    parentType: unitTypeSchema.optional(),
  })
  .meta({ id: 'CycleUnit' });

export const cycleRegistrySchema = z
  .object({ year: z.number().int(), frozen: z.boolean(), units: z.array(cycleUnitSchema) })
  .meta({ id: 'CycleRegistry' });

export const refreshRegistryBody = z.strictObject({
  expectedVersion: z.number().int().min(1),
  reason: nfcText(1, 2000).optional(),
});

export const registryRefreshSchema = z
  .object({
    cycle: cycleSchema,
    added: z.array(cycleUnitSchema),
    removed: z.array(cycleUnitSchema),
    changed: z.array(z.object({ unitId: z.string(), before: cycleUnitSchema, after: cycleUnitSchema })),
  })
  .meta({ id: 'RegistryRefresh' });
