import { evidenceContentTypes } from '../../domain/evidence.ts';
import { assessmentStates } from '../../domain/assessment-workflow.ts';
import { yearParam } from './common.ts';
import * as z from 'zod/mini';
import { idString, deferred } from '../zod.ts';
import { frameworkCode } from '../codes.ts';

const leafCode = frameworkCode('1.1.2');
const evidenceIdSchema = deferred(() =>
  z.string().check(z.regex(/^[0-9a-f-]{36}$/, 'must be an evidence id returned by POST .../evidence')),
);

export const assessmentParams = deferred(() => z.strictObject({ year: yearParam, unitId: idString }));
export const itemParams = deferred(() => z.extend(assessmentParams, { code: leafCode }));
export const evidenceParams = deferred(() => z.extend(assessmentParams, { evidenceId: evidenceIdSchema }));

export const evidenceLink = deferred(() =>
  z.strictObject({
    evidenceId: evidenceIdSchema,
    page: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  }),
);

/** What a unit may set on one self leaf; anything else (appraisedScore, state, unitId…) is refused. */
export const putSelfItemBody = deferred(() =>
  z.strictObject({
    // Not coerced: "2.5", "", null and booleans are type errors; the leaf's rules are checked after.
    selfScore: z.number(),
    figure: z.optional(z.union([z.number(), z.boolean()])),
    note: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
    evidence: z.optional(z.array(evidenceLink).check(z.maxLength(20))),
    noEvidenceReason: z.optional(z.string().check(z.trim(), z.minLength(10, 'must explain in at least 10 characters'), z.maxLength(2000))),
    expectedVersion: z.optional(z.number().check(z.int(), z.gte(0))),
  }),
);
export type PutSelfItemBody = z.infer<typeof putSelfItemBody>;

export const assessmentItemSchema = deferred(() =>
  z
    .object({
      code: z.string(),
      name: z.string(),
      areaCode: z.string(),
      method: z.enum(['self', 'survey']),
      maxPoints: z.number(),
      evidenceRequired: z.boolean(),
      selfScore: z.nullable(z.number()),
      figure: z.nullable(z.union([z.number(), z.boolean()])),
      suggestedScore: z.nullable(z.number()),
      mismatch: z.boolean(),
      note: z.nullable(z.string()),
      evidence: z.array(
        z.object({
          evidenceId: z.string(),
          page: z.optional(z.string()),
          fileName: z.optional(z.string()),
          status: z.optional(z.string()),
        }),
      ),
      noEvidenceReason: z.nullable(z.string()),
      appraisedScore: z.nullable(z.number()),
      appraisals: z.array(
        z.object({
          round: z.number().check(z.int()),
          score: z.number(),
          reason: z.optional(z.string()),
          by: z.string(),
          byUnit: z.optional(z.string()),
          at: z.string(),
        }),
      ),
      explanations: z.array(
        z.object({
          round: z.number().check(z.int()),
          text: z.string(),
          evidence: z.array(z.object({ evidenceId: z.string(), page: z.optional(z.string()) })),
          by: z.string(),
          at: z.string(),
        }),
      ),
      version: z.number().check(z.int()),
    })
    .register(z.globalRegistry, { id: 'AssessmentItem' }),
);

export const assessmentSchema = deferred(() =>
  z
    .object({
      year: z.number().check(z.int()),
      unitId: z.string(),
      unitName: z.string(),
      unitType: z.string(),
      frameworkId: z.string(),
      state: z.enum(assessmentStates),
      version: z.number().check(z.int()),
      deadline: z.string(),
      round: z.number().check(z.int()),
      submittedAt: z.optional(z.string()),
      // The appraiser's message of the latest return for explanation (giải trình).
      lastReturn: z.optional(z.object({ message: z.string(), by: z.string(), at: z.string() })),
      items: z.array(assessmentItemSchema),
      totals: z.object({ selfTotal: z.number(), maxApplicable: z.number(), selfMax: z.number(), scored: z.number(), toScore: z.number() }),
      // The province's assessment only: the coordinator (Sở Nội vụ), the leaves the caller may write, the area assignment.
      collaboration: z.optional(
        z.object({
          coordinator: z.boolean(),
          coordinators: z.array(z.string()),
          writableCodes: z.array(z.string()),
          assignment: z.record(z.string(), z.array(z.string())),
        }),
      ),
    })
    .register(z.globalRegistry, { id: 'Assessment' }),
);

export const submitResultSchema = deferred(() =>
  z.object({
    state: z.enum(assessmentStates),
    version: z.number().check(z.int()),
    submittedAt: z.string(),
  }),
);

export const createEvidenceBody = deferred(() =>
  z.strictObject({
    fileName: z.string().check(z.minLength(1), z.maxLength(1000)),
    contentType: z.enum(
      Object.keys(evidenceContentTypes) as [keyof typeof evidenceContentTypes, ...(keyof typeof evidenceContentTypes)[]],
      {
        error: `must be one of: ${Object.keys(evidenceContentTypes).join(', ')}`,
      },
    ),
    size: z.number().check(z.int('must be a whole number of bytes'), z.gte(1, 'must be at least 1 byte')),
    sha256: z.string().check(z.regex(/^[0-9a-fA-F]{64}$/, 'must be the SHA-256 of the file as 64 hex characters')),
  }),
);
export type CreateEvidenceBody = z.infer<typeof createEvidenceBody>;

export const evidenceSchema = deferred(() =>
  z
    .object({
      evidenceId: z.string(),
      fileName: z.string(),
      contentType: z.string(),
      size: z.number(),
      sha256: z.string(),
      status: z.enum(['pending', 'confirmed']),
      createdAt: z.string(),
      createdBy: z.string(),
      confirmedAt: z.optional(z.string()),
      download: z.optional(z.object({ url: z.string(), expiresAt: z.string() })),
    })
    .register(z.globalRegistry, { id: 'Evidence' }),
);

export const evidenceUploadSchema = deferred(() =>
  z
    .object({
      evidenceId: z.string(),
      upload: z.object({ url: z.string(), fields: z.record(z.string(), z.string()) }),
      expiresAt: z.string(),
    })
    .register(z.globalRegistry, { id: 'EvidenceUpload' }),
);

export const historySchema = deferred(() =>
  z
    .object({
      events: z.array(
        z.object({
          at: z.string(),
          action: z.string(),
          actor: z.object({ username: z.string(), roles: z.array(z.string()), unitId: z.optional(z.string()) }),
          target: z.optional(z.string()),
          before: z.optional(z.unknown()),
          after: z.optional(z.unknown()),
          reason: z.optional(z.string()),
        }),
      ),
    })
    .register(z.globalRegistry, { id: 'History' }),
);

export const appraisalBody = deferred(() =>
  z.strictObject({
    appraisedScore: z.number(),
    reason: z.optional(z.string().check(z.trim(), z.minLength(10, 'must give a reason of at least 10 characters'), z.maxLength(2000))),
    expectedVersion: z.optional(z.number().check(z.int(), z.gte(0))),
  }),
);

export const returnBody = deferred(() =>
  z.strictObject({
    message: z
      .string()
      .check(z.trim(), z.minLength(10, 'must tell the unit what to explain, in at least 10 characters'), z.maxLength(5000)),
  }),
);

export const explanationBody = deferred(() =>
  z.strictObject({
    text: z.string().check(z.trim(), z.minLength(10, 'must explain in at least 10 characters'), z.maxLength(5000)),
    evidence: z.optional(z.array(evidenceLink).check(z.maxLength(20))),
    expectedVersion: z.optional(z.number().check(z.int(), z.gte(0))),
  }),
);

export const reopenBody = deferred(() =>
  z.strictObject({
    reason: z.string().check(z.trim(), z.minLength(10, 'must give a reason of at least 10 characters'), z.maxLength(2000)),
  }),
);

export const worklistQuery = deferred(() =>
  z.strictObject({
    state: z.optional(z.enum(assessmentStates)),
    type: z.optional(z.enum(['department', 'district', 'commune'])),
  }),
);

export const worklistSchema = deferred(() =>
  z
    .object({
      assessments: z.array(
        z.object({
          unitId: z.string(),
          unitName: z.string(),
          unitType: z.string(),
          state: z.enum(assessmentStates),
          round: z.number().check(z.int()),
          progress: z.object({ appraised: z.number().check(z.int()), total: z.number().check(z.int()) }),
        }),
      ),
    })
    .register(z.globalRegistry, { id: 'Worklist' }),
);

export const transitionResultSchema = deferred(() =>
  z.object({
    state: z.enum(assessmentStates),
    version: z.number().check(z.int()),
    round: z.number().check(z.int()),
  }),
);
export const acceptRemainingSchema = deferred(() => z.object({ accepted: z.array(z.string()), version: z.number().check(z.int()) }));
