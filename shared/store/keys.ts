/** Key templates of the single table (the survey kinds' live in shared/store/entities/). */
import { surveyKey } from './entities/survey.ts';

export const keys = {
  unit: (unitId: string) => ({ pk: `UNIT#${unitId}`, sk: 'META' }),
  /** gsi1: units by type, then parent, for the registry filters. */
  unitIndex: (type: string, parentId: string | undefined, unitId: string) => ({
    gsi1pk: `UNITS#${type}`,
    gsi1sk: `${parentId ?? '-'}#${unitId}`,
  }),
  framework: (frameworkId: string) => ({ pk: `FRAMEWORK#${frameworkId}`, sk: 'META' }),
  cycle: (year: number) => ({ pk: `CYCLE#${year}`, sk: 'META' }),
  /** Owned by entities/survey.ts; kept here for the seed. */
  survey: surveyKey,
} as const;

/**
 * Assessment kinds (header, item, evidence) and audit events have their templates in
 * shared/store/entities/; the idempotency record stays here with its owner.
 */
export const assessmentKeys = {
  idempotency: (hash: string) => ({ pk: `IDEMPOTENCY#${hash}`, sk: 'IDEMPOTENCY' }),
} as const;

/** A cycle's computed results: the council's draft and, once approved, the immutable publication. */
export const resultsKeys = {
  draft: (year: number) => ({ pk: `CYCLE#${year}`, sk: 'RESULTS#DRAFT' }),
  published: (year: number) => ({ pk: `CYCLE#${year}`, sk: 'RESULTS#PUBLISHED' }),
  auditSubject: (year: number) => `RESULTS#${year}`,
} as const;

/** The yearly pipeline's step records of a cycle (what each task found and did). */
export const pipelineKeys = {
  step: (year: number, step: string) => ({ pk: `CYCLE#${year}`, sk: `PIPELINE#${step}` }),
  prefix: 'PIPELINE#',
} as const;
