import { unitTypeSchema } from '../files/framework.ts';
import * as z from 'zod';
import { ownRecord } from '../own-record.ts';
import { idString } from '../zod.ts';
import { frameworkCode } from '../codes.ts';
import { cycleYears } from '../../domain/cycle-years.ts';

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with offset' });

export const deadlineNames = ['selfAssessment', 'appraisal', 'explanation', 'survey', 'finalAppraisal', 'publication'] as const;
export const deadlinesSchema = z.strictObject(
  Object.fromEntries(deadlineNames.map((n) => [n, instant])) as Record<(typeof deadlineNames)[number], typeof instant>,
);

export const cyclePhases = ['open', 'appraisal', 'computation', 'approved', 'published'] as const;
export const cyclePhaseSchema = z.enum(cyclePhases);

/**
 * Per-unit extensions of the unit's own deadlines (unit id → the later deadline). Keys are unit
 * ids (`idString`: no `__proto__`-like keys reach the record); a unit without an entry keeps the
 * cycle's deadline (shared/domain/deadlines.ts `unitDeadline`).
 */
export const extensionsSchema = ownRecord(
  idString,
  z.strictObject({ selfAssessment: instant.optional(), explanation: instant.optional() }),
);
export type Extensions = z.infer<typeof extensionsSchema>;

const codeList = z.array(frameworkCode('7.3'));

/** Area or criterion code (or "*") → the units that appraise it; "parent-district" for communes. */
const appraisalAssignment = ownRecord(z.string(), z.array(idString).min(1));

export const cycleBody = z.strictObject({
  year: z.number().int().min(cycleYears.first).max(cycleYears.last),
  frameworks: z.partialRecord(unitTypeSchema, idString),
  surveys: z.partialRecord(unitTypeSchema, idString).optional(),
  deadlines: deadlinesSchema,
  notApplicable: ownRecord(idString, codeList).default({}),
  appraisal: z.partialRecord(unitTypeSchema, appraisalAssignment).default({}),
  extensions: extensionsSchema.optional(),
});
export type CycleBody = z.infer<typeof cycleBody>;

export const cycleSchema = z
  .object({
    year: z.number().int(),
    frameworks: z.partialRecord(unitTypeSchema, z.string()),
    surveys: z.partialRecord(unitTypeSchema, z.string()).optional(),
    deadlines: deadlinesSchema,
    notApplicable: z.record(z.string(), z.array(z.string())),
    appraisal: z.partialRecord(unitTypeSchema, z.record(z.string(), z.array(z.string()))),
    extensions: extensionsSchema.optional(),
    phase: cyclePhaseSchema,
    version: z.number().int(),
  })
  .meta({ id: 'Cycle' });
export type Cycle = z.infer<typeof cycleSchema>;

/** The answer to opening a cycle: the cycle, and the named surveys not carried over from the previous cycle. */
export const cycleOpenedSchema = cycleSchema
  .extend({
    surveysToDefine: z.array(z.object({ unitType: unitTypeSchema, surveyId: z.string(), reason: z.string() })),
  })
  .meta({ id: 'CycleOpened' });

export const patchCycleBody = z.strictObject({
  deadlines: deadlinesSchema.partial().optional(),
  notApplicable: ownRecord(idString, codeList).optional(),
  extensions: extensionsSchema.optional(),
  phase: cyclePhaseSchema.optional(),
  reason: z.string().min(1).max(2000).optional(),
  expectedVersion: z.number().int().min(0).optional(),
});
export type PatchCycleBody = z.infer<typeof patchCycleBody>;
