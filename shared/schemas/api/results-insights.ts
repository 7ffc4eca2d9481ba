/** Schemas of the explanation, history and open-data routes (results, issue 12). */
import { yearParam } from './common.ts';
import { ruleSchema, unitTypeSchema } from '../files/framework.ts';
import { areaResultSchema, changeSchema, previousResultSchema } from '../files/results.ts';
import * as z from 'zod/mini';
import { idString, deferred } from '../zod.ts';

export const unitResultParams = deferred(() => z.strictObject({ year: yearParam, unitId: idString }));
export const publicUnitParams = deferred(() => z.strictObject({ unitId: idString }));

const surveyTraceSchema = deferred(() =>
  z.object({
    ratio: z.nullable(z.number()),
    questions: z.array(
      z.object({
        questionId: z.string(),
        value: z.nullable(z.number()),
        groups: z.array(z.object({ group: z.string(), weight: z.number(), answers: z.number().check(z.int()), mean: z.number() })),
      }),
    ),
  }),
);

const leafTraceSchema = deferred(() =>
  z.object({
    code: z.string(),
    name: z.string(),
    area: z.string(),
    method: z.enum(['self', 'survey']),
    max: z.number(),
    rule: z.optional(ruleSchema),
    figure: z.optional(z.union([z.number(), z.boolean()])),
    suggestedScore: z.optional(z.number()),
    selfScore: z.optional(z.number()),
    rounds: z.array(z.object({ round: z.number().check(z.int()), score: z.number(), reason: z.optional(z.string()), at: z.string() })),
    explanations: z.array(z.object({ round: z.number().check(z.int()), text: z.string() })),
    score: z.number(),
    lost: z.number(),
    missing: z.boolean(),
    survey: z.optional(surveyTraceSchema),
  }),
);

export const explanationSchema = deferred(() =>
  z
    .object({
      year: z.number().check(z.int()),
      status: z.enum(['draft', 'published']),
      computedAt: z.optional(z.string()),
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
      rank: z.object({
        rank: z.number().check(z.int()),
        of: z.number().check(z.int()),
        tiedWith: z.array(z.object({ unitId: z.string(), name: z.string() })),
      }),
      band: z.string(),
      previous: z.nullable(previousResultSchema),
      change: z.nullable(changeSchema),
      /** the next band up: points needed and the fewest leaves that can bring them (null at the top band) */
      nextBand: z.nullable(
        z.object({
          band: z.string(),
          min: z.number(),
          pointsNeeded: z.number(),
          leavesNeeded: z.nullable(z.number().check(z.int())),
          sets: z.array(z.array(z.object({ code: z.string(), available: z.number() }))),
        }),
      ),
    })
    .register(z.globalRegistry, { id: 'ResultExplanation' }),
);

export const unitHistorySchema = deferred(() =>
  z
    .object({
      unitId: z.string(),
      years: z.array(
        z.object({
          year: z.number().check(z.int()),
          decision: z.string(),
          frameworkId: z.string(),
          name: z.string(),
          unitType: z.string(),
          index: z.number(),
          rank: z.number().check(z.int()),
          band: z.string(),
          areas: z.array(areaResultSchema),
          previous: z.nullable(previousResultSchema),
          change: z.nullable(changeSchema),
        }),
      ),
    })
    .register(z.globalRegistry, { id: 'UnitHistory' }),
);

export const openDataSchema = deferred(() =>
  z
    .object({
      dataset: z.object({
        title: z.string(),
        year: z.number().check(z.int()),
        decision: z.string(),
        approvedAt: z.string(),
        identifiers: z.string(),
      }),
      dictionary: z.array(z.object({ column: z.string(), type: z.string(), description: z.string() })),
      units: z.array(z.record(z.string(), z.unknown())),
    })
    .register(z.globalRegistry, { id: 'OpenDataBundle' }),
);

export const publishedYearsSchema = deferred(() =>
  z.object({ years: z.array(z.number().check(z.int())) }).register(z.globalRegistry, { id: 'PublishedYears' }),
);
