/** Schemas of the explanation, history and open-data routes (results, issue 12). */
import { yearParam } from './common.ts';
import { ruleSchema, unitTypeSchema } from '../files/framework.ts';
import { areaResultSchema, changeSchema, previousResultSchema } from '../files/results.ts';
import * as z from 'zod';
import { idString } from '../zod.ts';

export const unitResultParams = z.strictObject({ year: yearParam, unitId: idString });
export const publicUnitParams = z.strictObject({ unitId: idString });

const surveyTraceSchema = z.object({
  ratio: z.number().nullable(),
  questions: z.array(
    z.object({
      questionId: z.string(),
      value: z.number().nullable(),
      groups: z.array(z.object({ group: z.string(), weight: z.number(), answers: z.number().int(), mean: z.number() })),
    }),
  ),
});

const leafTraceSchema = z.object({
  code: z.string(),
  name: z.string(),
  area: z.string(),
  method: z.enum(['self', 'survey']),
  max: z.number(),
  rule: ruleSchema.optional(),
  figure: z.union([z.number(), z.boolean()]).optional(),
  suggestedScore: z.number().optional(),
  selfScore: z.number().optional(),
  rounds: z.array(z.object({ round: z.number().int(), score: z.number(), reason: z.string().optional(), at: z.string() })),
  explanations: z.array(z.object({ round: z.number().int(), text: z.string() })),
  score: z.number(),
  lost: z.number(),
  missing: z.boolean(),
  survey: surveyTraceSchema.optional(),
});

export const explanationSchema = z
  .object({
    year: z.number().int(),
    status: z.enum(['draft', 'published']),
    computedAt: z.string().optional(),
    unitId: z.string(),
    name: z.string(),
    unitType: unitTypeSchema,
    frameworkId: z.string(),
    leaves: z.array(leafTraceSchema),
    exemptions: z.array(z.object({ code: z.string(), leaves: z.array(z.string()) })),
    adjustments: z.object({
      items: z.array(z.object({ code: z.string(), kind: z.enum(['bonus', 'penalty']), name: z.string(), maxPoints: z.number() })),
      bonusTotal: z.number(),
      penaltyTotal: z.number(),
    }),
    areas: z.array(areaResultSchema),
    totals: z.object({
      achieved: z.number(),
      selfTotal: z.number(),
      surveyTotal: z.number(),
      total: z.number(),
      maxApplicable: z.number(),
      index: z.number(),
    }),
    rank: z.object({ rank: z.number().int(), of: z.number().int(), tiedWith: z.array(z.object({ unitId: z.string(), name: z.string() })) }),
    band: z.string(),
    previous: previousResultSchema.nullable(),
    change: changeSchema.nullable(),
    /** the next band up: points needed and the fewest leaves that can bring them (null at the top band) */
    nextBand: z
      .object({
        band: z.string(),
        min: z.number(),
        pointsNeeded: z.number(),
        leavesNeeded: z.number().int().nullable(),
        sets: z.array(z.array(z.object({ code: z.string(), available: z.number() }))),
      })
      .nullable(),
  })
  .meta({ id: 'ResultExplanation' });

export const unitHistorySchema = z
  .object({
    unitId: z.string(),
    years: z.array(
      z.object({
        year: z.number().int(),
        decision: z.string(),
        frameworkId: z.string(),
        name: z.string(),
        unitType: z.string(),
        index: z.number(),
        rank: z.number().int(),
        band: z.string(),
        areas: z.array(areaResultSchema),
        previous: previousResultSchema.nullable(),
        change: changeSchema.nullable(),
      }),
    ),
  })
  .meta({ id: 'UnitHistory' });

export const openDataSchema = z
  .object({
    dataset: z.object({ title: z.string(), year: z.number().int(), decision: z.string(), approvedAt: z.string(), identifiers: z.string() }),
    dictionary: z.array(z.object({ column: z.string(), type: z.string(), description: z.string() })),
    units: z.array(z.record(z.string(), z.unknown())),
  })
  .meta({ id: 'OpenDataBundle' });

export const publishedYearsSchema = z.object({ years: z.array(z.number().int()) }).meta({ id: 'PublishedYears' });
