/** Registry changes: the bulk import with its dry-run report, retiring and merging, a cycle's registry. */
import * as z from 'zod/mini';
import { unitTypeSchema } from '../unit-types.ts';
import { unitSchema, unitYear } from '../domain/units.ts';
import { cycleSchema } from '../domain/cycles.ts';
import { idString, nfcText, deferred } from '../zod.ts';

/** ~700 KB of file: the whole provincial registry as CSV is ~20 KB, as XLSX ~15 KB. */
const maxBase64 = 1_000_000;

export const registryImportBody = deferred(() =>
  z.strictObject({
    fileName: nfcText(1, 200),
    contentBase64: z
      .string()
      .check(
        z.minLength(1),
        z.maxLength(maxBase64, 'the file is too large (about 700 KB at most)'),
        z.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
      ),
    dryRun: z.boolean(),
  }),
);

const unitState = deferred(() => z.omit(unitSchema, { version: true }));

export const registryImportReportSchema = deferred(() =>
  z
    .object({
      dryRun: z.boolean(),
      summary: z.object({
        rows: z.number().check(z.int()),
        create: z.number().check(z.int()),
        update: z.number().check(z.int()),
        retire: z.number().check(z.int()),
        merge: z.number().check(z.int()),
        unchanged: z.number().check(z.int()),
      }),
      changes: z.array(
        z.object({
          line: z.number().check(z.int()),
          unitId: z.string(),
          action: z.enum(['create', 'update', 'retire', 'merge', 'unchanged']),
          before: z.optional(unitState),
          after: z.optional(unitState),
        }),
      ),
      problems: z.array(z.object({ line: z.number().check(z.int()), field: z.string(), code: z.string(), message: z.string() })),
    })
    .register(z.globalRegistry, { id: 'RegistryImportReport' }),
);

export const retireUnitBody = deferred(() =>
  z.strictObject({
    /** The last cycle year the unit is assessed in. */
    validTo: unitYear,
    successorId: z.optional(idString),
    expectedVersion: z.number().check(z.int(), z.gte(1)),
    reason: z.optional(nfcText(1, 2000)),
  }),
);

export const cycleUnitSchema = deferred(() =>
  z
    .object({
      id: z.string(),
      type: unitTypeSchema,
      name: z.string(),
      parentId: z.optional(z.string()),
      parentType: z.optional(unitTypeSchema),
    })
    .register(z.globalRegistry, { id: 'CycleUnit' }),
);

export const cycleRegistrySchema = deferred(() =>
  z
    .object({ year: z.number().check(z.int()), frozen: z.boolean(), units: z.array(cycleUnitSchema) })
    .register(z.globalRegistry, { id: 'CycleRegistry' }),
);

export const refreshRegistryBody = deferred(() =>
  z.strictObject({
    expectedVersion: z.number().check(z.int(), z.gte(1)),
    reason: z.optional(nfcText(1, 2000)),
  }),
);

export const registryRefreshSchema = deferred(() =>
  z
    .object({
      cycle: cycleSchema,
      added: z.array(cycleUnitSchema),
      removed: z.array(cycleUnitSchema),
      changed: z.array(z.object({ unitId: z.string(), before: cycleUnitSchema, after: cycleUnitSchema })),
    })
    .register(z.globalRegistry, { id: 'RegistryRefresh' }),
);
