/**
 * The survey definition item: one per (cycle, survey) in the cycle's partition. The stored
 * `definition` stays raw here (seeded items predate the route): the survey context checks it
 * against the schema, so a stale one is refused with its own code rather than failing the read.
 */
import { deferred } from '../../schemas/zod.ts';
import { unitTypeSchema, type UnitType } from '../../schemas/unit-types.ts';
import type { SurveyDefinitionInput } from '../../schemas/files/survey-definition.ts';
import * as z from 'zod/mini';

export const surveyKey = (year: number, surveyId: string) => ({ pk: `CYCLE#${year}`, sk: `SURVEY#${surveyId}` });

/** The audit subject of a survey: definition, imports and invitations are its history. */
export const surveyAuditSubject = (year: number, surveyId: string) => `SURVEY#${year}#${surveyId}`;

export interface StoredSurvey {
  year: number;
  surveyId: string;
  /** The raw stored definition: checked by the caller against the schema. */
  definition: unknown;
  unitType?: UnitType;
  frameworkId?: string;
  version: number;
}

const itemSchema = deferred(() =>
  z.object({
    definition: z.unknown(),
    unitType: z.optional(unitTypeSchema),
    frameworkId: z.optional(z.string()),
    // Seeded items of the first releases carry no version: they count as version 1.
    version: z._default(z.number().check(z.int(), z.gte(1)), 1),
  }),
);

export function surveyToItem(next: {
  year: number;
  surveyId: string;
  unitType: UnitType;
  frameworkId: string;
  definition: SurveyDefinitionInput;
  version: number;
}): Record<string, unknown> {
  return { ...surveyKey(next.year, next.surveyId), entity: 'survey', ...next };
}

export function surveyFromItem(year: number, surveyId: string, item: Record<string, unknown>): StoredSurvey {
  const parsed = itemSchema.parse(item);
  return {
    year,
    surveyId,
    definition: parsed.definition,
    ...(parsed.unitType ? { unitType: parsed.unitType } : {}),
    ...(parsed.frameworkId ? { frameworkId: parsed.frameworkId } : {}),
    version: parsed.version,
  };
}
