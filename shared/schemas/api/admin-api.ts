/** Requests and answers of the administrator's routes (ADM): a cycle's audit trail, framework import, pipeline status. */
import * as z from 'zod/mini';
import { annexProblemCodes } from '../../domain/annex-problem-codes.ts';
import { frameworkSchema } from '../files/framework.ts';
import { cyclePhaseSchema } from '../domain/cycles.ts';
import { idString, nfcText, deferred } from '../zod.ts';

export const cycleAuditQuery = deferred(() => z.strictObject({ unitId: z.optional(idString) }));

const unitExtension = deferred(() => z.object({ selfAssessment: z.optional(z.string()), explanation: z.optional(z.string()) }));

export const cycleAuditSchema = deferred(() =>
  z
    .object({
      year: z.number().check(z.int()),
      unitId: z.optional(z.string()),
      events: z.array(
        z.object({
          at: z.string(),
          action: z.string(),
          actor: z.object({ username: z.string(), roles: z.array(z.string()), unitId: z.optional(z.string()) }),
          reason: z.optional(z.string()),
          changed: z.array(z.string()),
          unit: z.optional(
            z.object({
              extension: z.optional(z.object({ before: z.optional(unitExtension), after: z.optional(unitExtension) })),
              notApplicable: z.optional(z.object({ before: z.array(z.string()), after: z.array(z.string()) })),
            }),
          ),
        }),
      ),
    })
    .register(z.globalRegistry, { id: 'CycleAudit' }),
);

/** The annex file travels in the JSON body: the largest annex is a few tens of KB, well under the body limit. */
export const frameworkImportBody = deferred(() =>
  z.strictObject({
    fileName: nfcText(1, 255).check(z.refine((n) => /\.xlsx$/i.test(n), 'must be an .xlsx file')),
    contentBase64: z.string().check(z.minLength(1), z.maxLength(900_000), z.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be the file in base64')),
  }),
);

export const frameworkImportSchema = deferred(() =>
  z
    .object({
      fileName: z.string(),
      /** The framework the annex describes, checked; null when the report holds problems. */
      framework: z.nullable(frameworkSchema),
      report: z.object({
        rows: z.number().check(z.int()),
        /** Rows the annex reader could not use (1-based row numbers of the sheet). */
        problems: z.array(
          z.object({
            row: z.number().check(z.int()),
            /** Stable code (framework-annex.ts annexProblemCodes); the console words it in Vietnamese. */
            code: z.enum(annexProblemCodes),
            params: z.optional(z.record(z.string(), z.string())),
            /** English, for logs. */
            message: z.string(),
          }),
        ),
        /** The framework rules it breaks (paths into the framework; criterion = the code of the node they point into). */
        errors: z.array(z.object({ path: z.string(), message: z.string(), criterion: z.optional(z.string()) })),
        leaves: z.number().check(z.int()),
      }),
      /** The stored framework of the same id, if any: saving replaces it (unless a cycle uses it or the admin froze it). */
      existing: z.nullable(
        z.object({ version: z.number().check(z.int()), usedBy: z.array(z.number().check(z.int())), frozenAt: z.optional(z.string()) }),
      ),
    })
    .register(z.globalRegistry, { id: 'FrameworkImport' }),
);

export const executionStatuses = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'] as const;

export const pipelineEventSchema = deferred(() =>
  z.object({
    at: z.string(),
    type: z.string(),
    state: z.optional(z.string()),
    error: z.optional(z.string()),
    cause: z.optional(z.string()),
  }),
);
export type PipelineEvent = z.infer<typeof pipelineEventSchema>;

export const executionViewSchema = deferred(() =>
  z.object({
    name: z.string(),
    source: z.enum(['step-functions', 'local']),
    status: z.enum(executionStatuses),
    startedAt: z.string(),
    stoppedAt: z.optional(z.string()),
    /** The state the execution is in (or stopped in). */
    currentState: z.optional(z.string()),
    error: z.optional(z.object({ name: z.string(), cause: z.optional(z.string()) })),
    events: z.array(pipelineEventSchema),
  }),
);
export type ExecutionView = z.infer<typeof executionViewSchema>;

export const pipelineStatusSchema = deferred(() =>
  z
    .object({
      year: z.number().check(z.int()),
      phase: cyclePhaseSchema,
      execution: z.nullable(executionViewSchema),
      steps: z.array(
        z.object({ step: z.string(), at: z.string(), execution: z.optional(z.string()), details: z.record(z.string(), z.unknown()) }),
      ),
      failure: z.nullable(
        z.object({
          at: z.string(),
          execution: z.optional(z.string()),
          error: z.object({ name: z.string(), cause: z.optional(z.string()) }),
        }),
      ),
    })
    .register(z.globalRegistry, { id: 'PipelineStatus' }),
);
export type PipelineStatus = z.infer<typeof pipelineStatusSchema>;

export const frameworkStateSchema = deferred(() =>
  z
    .object({
      frameworkId: z.string(),
      version: z.number().check(z.int()),
      /** The cycle years that use it (each froze it). */
      usedBy: z.array(z.number().check(z.int())),
      /** When the admin froze it. */
      frozenAt: z.optional(z.string()),
    })
    .register(z.globalRegistry, { id: 'FrameworkState' }),
);

export const freezeFrameworkBody = deferred(() =>
  z.strictObject({
    expectedVersion: z.number().check(z.int(), z.gte(1)),
    reason: z.optional(nfcText(1, 2000)),
  }),
);
