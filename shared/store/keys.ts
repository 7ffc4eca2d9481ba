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
  /** Audit events of one subject, newest last in key order (sk starts with the ISO time). */
  audit: (subject: string, at: string, eventId: string) => ({ pk: `AUDIT#${subject}`, sk: `${at}#${eventId}` }),
  auditPartition: (subject: string) => `AUDIT#${subject}`,
} as const;

/** One unit's assessment in a cycle: header, leaf items and evidence share a partition (one Query reads all). */
export const assessmentKeys = {
  partition: (year: number, unitId: string) => `ASSESS#${year}#${unitId}`,
  header: (year: number, unitId: string) => ({ pk: `ASSESS#${year}#${unitId}`, sk: 'META' }),
  item: (year: number, unitId: string, code: string) => ({ pk: `ASSESS#${year}#${unitId}`, sk: `ITEM#${code}` }),
  evidence: (year: number, unitId: string, evidenceId: string) => ({ pk: `ASSESS#${year}#${unitId}`, sk: `EVIDENCE#${evidenceId}` }),
  /** gsi1: a cycle's assessments by state, for worklists. */
  headerIndex: (year: number, unitType: string, state: string, unitId: string) => ({
    gsi1pk: `ASSESSMENTS#${year}`,
    gsi1sk: `${unitType}#${state}#${unitId}`,
  }),
  /** The audit subject of an assessment (history route). */
  auditSubject: (year: number, unitId: string) => `ASSESS#${year}#${unitId}`,
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
