import { unitTypeSchema } from '../unit-types.ts';
import * as z from 'zod/mini';
import { ownRecord } from '../own-record.ts';
import { idString, deferred } from '../zod.ts';
import { frameworkCode } from '../codes.ts';
import { cycleYears } from '../../domain/cycle-years.ts';

const instant = deferred(() => z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with offset' }));

export const deadlineNames = ['selfAssessment', 'appraisal', 'explanation', 'survey', 'finalAppraisal', 'publication'] as const;
export const deadlinesSchema = deferred(() =>
  z.strictObject(Object.fromEntries(deadlineNames.map((n) => [n, instant])) as Record<(typeof deadlineNames)[number], typeof instant>),
);

export const cyclePhases = ['open', 'appraisal', 'computation', 'approved', 'published'] as const;
export const cyclePhaseSchema = deferred(() => z.enum(cyclePhases));

/**
 * Per-unit extensions of the unit's own deadlines (unit id → the later deadline). Keys are unit
 * ids (`idString`: no `__proto__`-like keys reach the record); a unit without an entry keeps the
 * cycle's deadline (shared/domain/deadlines.ts `unitDeadline`).
 */
export const extensionsSchema = ownRecord(
  idString,
  z.strictObject({ selfAssessment: z.optional(instant), explanation: z.optional(instant) }),
);
export type Extensions = z.infer<typeof extensionsSchema>;

const codeList = deferred(() => z.array(frameworkCode('7.3')));

/** Area or criterion code (or "*") → the units that appraise it; "parent-district" for communes. */
const appraisalAssignment = ownRecord(z.string(), z.array(idString).check(z.minLength(1)));

export const cycleBody = deferred(() =>
  z.strictObject({
    year: z.number().check(z.int(), z.gte(cycleYears.first), z.lte(cycleYears.last)),
    frameworks: z.partialRecord(unitTypeSchema, idString),
    surveys: z.optional(z.partialRecord(unitTypeSchema, idString)),
    deadlines: deadlinesSchema,
    notApplicable: z._default(ownRecord(idString, codeList), {}),
    appraisal: z._default(z.partialRecord(unitTypeSchema, appraisalAssignment), {}),
    extensions: z.optional(extensionsSchema),
  }),
);
export type CycleBody = z.infer<typeof cycleBody>;

export const cycleSchema = deferred(() =>
  z
    .object({
      year: z.number().check(z.int()),
      frameworks: z.partialRecord(unitTypeSchema, z.string()),
      surveys: z.optional(z.partialRecord(unitTypeSchema, z.string())),
      deadlines: deadlinesSchema,
      notApplicable: z.record(z.string(), z.array(z.string())),
      appraisal: z.partialRecord(unitTypeSchema, z.record(z.string(), z.array(z.string()))),
      extensions: z.optional(extensionsSchema),
      phase: cyclePhaseSchema,
      version: z.number().check(z.int()),
    })
    .register(z.globalRegistry, { id: 'Cycle' }),
);
export type Cycle = z.infer<typeof cycleSchema>;

/** The answer to opening a cycle: the cycle, and the named surveys not carried over from the previous cycle. */
export const cycleOpenedSchema = deferred(() =>
  z
    .extend(cycleSchema, {
      surveysToDefine: z.array(z.object({ unitType: unitTypeSchema, surveyId: z.string(), reason: z.string() })),
    })
    .register(z.globalRegistry, { id: 'CycleOpened' }),
);

export const patchCycleBody = deferred(() =>
  z.strictObject({
    deadlines: z.optional(z.partial(deadlinesSchema)),
    notApplicable: z.optional(ownRecord(idString, codeList)),
    extensions: z.optional(extensionsSchema),
    phase: z.optional(cyclePhaseSchema),
    reason: z.optional(z.string().check(z.minLength(1), z.maxLength(2000))),
    expectedVersion: z.optional(z.number().check(z.int(), z.gte(0))),
  }),
);
export type PatchCycleBody = z.infer<typeof patchCycleBody>;
