import { evidenceContentTypes } from '../../domain/evidence.ts';
import { assessmentStates } from '../../domain/assessment-workflow.ts';
import { yearParam } from './common.ts';
import * as z from 'zod';
import { idString } from '../zod.ts';
import { frameworkCode } from '../codes.ts';

const leafCode = frameworkCode('1.1.2');
const evidenceIdSchema = z.string().regex(/^[0-9a-f-]{36}$/, 'must be an evidence id returned by POST .../evidence');

export const assessmentParams = z.strictObject({ year: yearParam, unitId: idString });
export const itemParams = assessmentParams.extend({ code: leafCode });
export const evidenceParams = assessmentParams.extend({ evidenceId: evidenceIdSchema });

export const evidenceLink = z.strictObject({
  evidenceId: evidenceIdSchema,
  page: z.string().trim().min(1).max(200).optional(),
});

/** What a unit may set on one self leaf; anything else (appraisedScore, state, unitId…) is refused. */
export const putSelfItemBody = z.strictObject({
  // Not coerced: "2.5", "", null and booleans are type errors; the leaf's rules are checked after.
  selfScore: z.number(),
  figure: z.union([z.number().finite(), z.boolean()]).optional(),
  note: z.string().trim().max(2000).optional(),
  evidence: z.array(evidenceLink).max(20).optional(),
  noEvidenceReason: z.string().trim().min(10, 'must explain in at least 10 characters').max(2000).optional(),
  expectedVersion: z.number().int().min(0).optional(),
});
export type PutSelfItemBody = z.infer<typeof putSelfItemBody>;

export const assessmentItemSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    areaCode: z.string(),
    method: z.enum(['self', 'survey']),
    maxPoints: z.number(),
    evidenceRequired: z.boolean(),
    selfScore: z.number().nullable(),
    figure: z.union([z.number(), z.boolean()]).nullable(),
    suggestedScore: z.number().nullable(),
    mismatch: z.boolean(),
    note: z.string().nullable(),
    evidence: z.array(
      z.object({ evidenceId: z.string(), page: z.string().optional(), fileName: z.string().optional(), status: z.string().optional() }),
    ),
    noEvidenceReason: z.string().nullable(),
    appraisedScore: z.number().nullable(),
    appraisals: z.array(
      z.object({
        round: z.number().int(),
        score: z.number(),
        reason: z.string().optional(),
        by: z.string(),
        byUnit: z.string().optional(),
        at: z.string(),
      }),
    ),
    explanations: z.array(
      z.object({
        round: z.number().int(),
        text: z.string(),
        evidence: z.array(z.object({ evidenceId: z.string(), page: z.string().optional() })),
        by: z.string(),
        at: z.string(),
      }),
    ),
    version: z.number().int(),
  })
  .meta({ id: 'AssessmentItem' });

export const assessmentSchema = z
  .object({
    year: z.number().int(),
    unitId: z.string(),
    unitName: z.string(),
    unitType: z.string(),
    frameworkId: z.string(),
    state: z.enum(assessmentStates),
    version: z.number().int(),
    deadline: z.string(),
    round: z.number().int(),
    submittedAt: z.string().optional(),
    // The appraiser's message of the latest return for explanation (giải trình).
    lastReturn: z.object({ message: z.string(), by: z.string(), at: z.string() }).optional(),
    items: z.array(assessmentItemSchema),
    totals: z.object({ selfTotal: z.number(), maxApplicable: z.number(), selfMax: z.number(), scored: z.number(), toScore: z.number() }),
    // The province's assessment only: the coordinator (Sở Nội vụ), the leaves the caller may write, the area assignment.
    collaboration: z
      .object({
        coordinator: z.boolean(),
        coordinators: z.array(z.string()),
        writableCodes: z.array(z.string()),
        assignment: z.record(z.string(), z.array(z.string())),
      })
      .optional(),
  })
  .meta({ id: 'Assessment' });

export const submitResultSchema = z.object({ state: z.enum(assessmentStates), version: z.number().int(), submittedAt: z.string() });

export const createEvidenceBody = z.strictObject({
  fileName: z.string().min(1).max(1000),
  contentType: z.enum(Object.keys(evidenceContentTypes) as [keyof typeof evidenceContentTypes, ...(keyof typeof evidenceContentTypes)[]], {
    error: `must be one of: ${Object.keys(evidenceContentTypes).join(', ')}`,
  }),
  size: z.number().int('must be a whole number of bytes').min(1, 'must be at least 1 byte'),
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be the SHA-256 of the file as 64 hex characters'),
});
export type CreateEvidenceBody = z.infer<typeof createEvidenceBody>;

export const evidenceSchema = z
  .object({
    evidenceId: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number(),
    sha256: z.string(),
    status: z.enum(['pending', 'confirmed']),
    createdAt: z.string(),
    createdBy: z.string(),
    confirmedAt: z.string().optional(),
    download: z.object({ url: z.string(), expiresAt: z.string() }).optional(),
  })
  .meta({ id: 'Evidence' });

export const evidenceUploadSchema = z
  .object({
    evidenceId: z.string(),
    upload: z.object({ url: z.string(), fields: z.record(z.string(), z.string()) }),
    expiresAt: z.string(),
  })
  .meta({ id: 'EvidenceUpload' });

export const historySchema = z
  .object({
    events: z.array(
      z.object({
        at: z.string(),
        action: z.string(),
        actor: z.object({ username: z.string(), roles: z.array(z.string()), unitId: z.string().optional() }),
        target: z.string().optional(),
        before: z.unknown().optional(),
        after: z.unknown().optional(),
        reason: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'History' });

export const appraisalBody = z.strictObject({
  appraisedScore: z.number(),
  reason: z.string().trim().min(10, 'must give a reason of at least 10 characters').max(2000).optional(),
  expectedVersion: z.number().int().min(0).optional(),
});

export const returnBody = z.strictObject({
  message: z.string().trim().min(10, 'must tell the unit what to explain, in at least 10 characters').max(5000),
});

export const explanationBody = z.strictObject({
  text: z.string().trim().min(10, 'must explain in at least 10 characters').max(5000),
  evidence: z.array(evidenceLink).max(20).optional(),
  expectedVersion: z.number().int().min(0).optional(),
});

export const reopenBody = z.strictObject({
  reason: z.string().trim().min(10, 'must give a reason of at least 10 characters').max(2000),
});

export const worklistQuery = z.strictObject({
  state: z.enum(assessmentStates).optional(),
  type: z.enum(['department', 'district', 'commune']).optional(),
});

export const worklistSchema = z
  .object({
    assessments: z.array(
      z.object({
        unitId: z.string(),
        unitName: z.string(),
        unitType: z.string(),
        state: z.enum(assessmentStates),
        round: z.number().int(),
        progress: z.object({ appraised: z.number().int(), total: z.number().int() }),
      }),
    ),
  })
  .meta({ id: 'Worklist' });

export const transitionResultSchema = z.object({ state: z.enum(assessmentStates), version: z.number().int(), round: z.number().int() });
export const acceptRemainingSchema = z.object({ accepted: z.array(z.string()), version: z.number().int() });
