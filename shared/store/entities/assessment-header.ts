/** The assessment header item (META of the assessment's partition): state, version, round. */
import { deferred } from '../../schemas/zod.ts';
import * as z from 'zod/mini';
import { assessmentStates } from '../../domain/assessment-workflow.ts';

/** One unit's assessment in a cycle: header, leaf items and evidence share a partition (one Query reads all). */
export const assessmentPartition = (year: number, unitId: string) => `ASSESS#${year}#${unitId}`;

export const headerKey = (year: number, unitId: string) => ({ pk: assessmentPartition(year, unitId), sk: 'META' });

/** gsi1: a cycle's assessments by state, for worklists. */
export const headerIndex = (year: number, unitType: string, state: string, unitId: string) => ({
  gsi1pk: `ASSESSMENTS#${year}`,
  gsi1sk: `${unitType}#${state}#${unitId}`,
});

/** The audit subject of an assessment (history route). */
export const assessmentAuditSubject = (year: number, unitId: string) => `ASSESS#${year}#${unitId}`;

const headerSchema = deferred(() =>
  z.object({
    year: z.number().check(z.int()),
    unitId: z.string(),
    unitType: z.string(),
    frameworkId: z.string(),
    parentId: z.optional(z.string()),
    state: z.enum(assessmentStates),
    version: z.number().check(z.int()),
    submittedAt: z.optional(z.string()),
    finalizedAt: z.optional(z.string()),
    /** Appraisal round: 1 until the first explanation is submitted, then 2, 3, ... */
    round: z.optional(z.number().check(z.int())),
    /** Leaves with an appraised score (worklist progress without reading the items). */
    appraisedCodes: z.optional(z.set(z.string())),
    lastReturn: z.optional(z.object({ message: z.string(), by: z.string(), at: z.string() })),
  }),
);

/** A header as stored, with the assessment it belongs to (worklists read these from the index). */
export type AssessmentSummary = z.infer<typeof headerSchema>;
export type AssessmentHeader = Omit<AssessmentSummary, 'year' | 'unitId' | 'unitType' | 'frameworkId' | 'parentId'> &
  Partial<Pick<AssessmentSummary, 'year' | 'unitId' | 'unitType' | 'frameworkId' | 'parentId'>>;

export interface HeaderRef {
  year: number;
  unitId: string;
  unitType: string;
  frameworkId: string;
  parentId?: string;
}

/** The header of an assessment's first change: a draft. */
export function newHeaderItem(ref: HeaderRef): Record<string, unknown> {
  return {
    ...headerKey(ref.year, ref.unitId),
    ...headerIndex(ref.year, ref.unitType, 'draft', ref.unitId),
    entity: 'assessment',
    year: ref.year,
    unitId: ref.unitId,
    unitType: ref.unitType,
    frameworkId: ref.frameworkId,
    ...(ref.parentId ? { parentId: ref.parentId } : {}),
    state: 'draft',
    version: 1,
  };
}

export function headerFromItem(raw: Record<string, unknown>): AssessmentSummary {
  return headerSchema.parse(raw);
}

export const isHeaderItem = (raw: Record<string, unknown>) => raw.sk === 'META';
