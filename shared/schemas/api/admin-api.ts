/** Requests and answers of the administrator's routes (ADM): a cycle's audit trail, framework import, pipeline status. */
import * as z from 'zod';
import { annexProblemCodes } from '../../domain/annex-problem-codes.ts';
import { frameworkSchema } from '../files/framework.ts';
import { cyclePhaseSchema } from '../domain/cycles.ts';
import { idString, nfcText } from '../zod.ts';

export const cycleAuditQuery = z.strictObject({ unitId: idString.optional() });

const unitExtension = z.object({ selfAssessment: z.string().optional(), explanation: z.string().optional() });

export const cycleAuditSchema = z
  .object({
    year: z.number().int(),
    unitId: z.string().optional(),
    events: z.array(
      z.object({
        at: z.string(),
        action: z.string(),
        actor: z.object({ username: z.string(), roles: z.array(z.string()), unitId: z.string().optional() }),
        reason: z.string().optional(),
        changed: z.array(z.string()),
        unit: z
          .object({
            extension: z.object({ before: unitExtension.optional(), after: unitExtension.optional() }).optional(),
            notApplicable: z.object({ before: z.array(z.string()), after: z.array(z.string()) }).optional(),
          })
          .optional(),
      }),
    ),
  })
  .meta({ id: 'CycleAudit' });

/** The annex file travels in the JSON body: the largest annex is a few tens of KB, well under the body limit. */
export const frameworkImportBody = z.strictObject({
  fileName: nfcText(1, 255).refine((n) => /\.xlsx$/i.test(n), 'must be an .xlsx file'),
  contentBase64: z
    .string()
    .min(1)
    .max(900_000)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be the file in base64'),
});

export const frameworkImportSchema = z
  .object({
    fileName: z.string(),
    /** The framework the annex describes, checked; null when the report holds problems. */
    framework: frameworkSchema.nullable(),
    report: z.object({
      rows: z.number().int(),
      /** Rows the annex reader could not use (1-based row numbers of the sheet). */
      problems: z.array(
        z.object({
          row: z.number().int(),
          /** Stable code (framework-annex.ts annexProblemCodes); the console words it in Vietnamese. */
          code: z.enum(annexProblemCodes),
          params: z.record(z.string(), z.string()).optional(),
          /** English, for logs. */
          message: z.string(),
        }),
      ),
      /** The framework rules it breaks (paths into the framework; criterion = the code of the node they point into). */
      errors: z.array(z.object({ path: z.string(), message: z.string(), criterion: z.string().optional() })),
      leaves: z.number().int(),
    }),
    /** The stored framework of the same id, if any: saving replaces it (unless a cycle uses it or the admin froze it). */
    existing: z.object({ version: z.number().int(), usedBy: z.array(z.number().int()), frozenAt: z.string().optional() }).nullable(),
  })
  .meta({ id: 'FrameworkImport' });

export const executionStatuses = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'] as const;

export const pipelineEventSchema = z.object({
  at: z.string(),
  type: z.string(),
  state: z.string().optional(),
  error: z.string().optional(),
  cause: z.string().optional(),
});
export type PipelineEvent = z.infer<typeof pipelineEventSchema>;

export const executionViewSchema = z.object({
  name: z.string(),
  source: z.enum(['step-functions', 'local']),
  status: z.enum(executionStatuses),
  startedAt: z.string(),
  stoppedAt: z.string().optional(),
  /** The state the execution is in (or stopped in). */
  currentState: z.string().optional(),
  error: z.object({ name: z.string(), cause: z.string().optional() }).optional(),
  events: z.array(pipelineEventSchema),
});
export type ExecutionView = z.infer<typeof executionViewSchema>;

export const pipelineStatusSchema = z
  .object({
    year: z.number().int(),
    phase: cyclePhaseSchema,
    execution: executionViewSchema.nullable(),
    steps: z.array(
      z.object({ step: z.string(), at: z.string(), execution: z.string().optional(), details: z.record(z.string(), z.unknown()) }),
    ),
    failure: z
      .object({ at: z.string(), execution: z.string().optional(), error: z.object({ name: z.string(), cause: z.string().optional() }) })
      .nullable(),
  })
  .meta({ id: 'PipelineStatus' });
export type PipelineStatus = z.infer<typeof pipelineStatusSchema>;

export const frameworkStateSchema = z
  .object({
    frameworkId: z.string(),
    version: z.number().int(),
    /** The cycle years that use it (each froze it). */
    usedBy: z.array(z.number().int()),
    /** When the admin froze it. */
    frozenAt: z.string().optional(),
  })
  .meta({ id: 'FrameworkState' });

export const freezeFrameworkBody = z.strictObject({
  expectedVersion: z.number().int().min(1),
  reason: nfcText(1, 2000).optional(),
});
