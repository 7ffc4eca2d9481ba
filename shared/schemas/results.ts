/**
 * Results of an index computation: the output of `par compute` and of the results API
 * (DESIGN §3.4). Numbers are JSON numbers with at most 2 decimals.
 */
import { unitTypeSchema } from './framework.ts';
import * as z from 'zod';

const points = z.number();

export const areaResultSchema = z.strictObject({
  code: z.string(),
  score: points,
  max: points,
  index: points,
});

export const unitResultSchema = z
  .strictObject({
    unitId: z.string(),
    name: z.string(),
    unitType: unitTypeSchema,
    achieved: points,
    bonusTotal: points,
    penaltyTotal: points,
    total: points,
    maxApplicable: points,
    index: points,
    rank: z.number().int().min(1),
    band: z.string(),
    selfTotal: points,
    surveyTotal: points,
    missing: z.array(z.string()),
    areas: z.array(areaResultSchema),
  })
  .meta({ id: 'UnitResult' });
export type UnitResultJson = z.infer<typeof unitResultSchema>;

export const statsSchema = z.strictObject({
  count: z.number().int(),
  mean: points,
  median: points,
  min: points,
  max: points,
});
export type StatsJson = z.infer<typeof statsSchema>;

export const resultsSchema = z
  .strictObject({
    frameworkId: z.string(),
    units: z.array(unitResultSchema),
    stats: z.partialRecord(unitTypeSchema, statsSchema),
  })
  .meta({ id: 'Results' });
export type Results = z.infer<typeof resultsSchema>;
