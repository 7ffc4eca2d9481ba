/**
 * Results of an index computation: the output of `par compute` and of the results API
 * (DESIGN §3.4). Numbers are JSON numbers with at most 2 decimals.
 *
 * The comparison with the previous published year (`previous`, `change`, the areas'
 * `previousIndex`/`change`/`comparison`) and the strengths and weaknesses (`weakest`, `analysis`)
 * are attached by the council's draft computation; `par compute`, which knows one year only,
 * leaves them out.
 */
import { deferred } from '../zod.ts';
import { unitTypeSchema } from '../unit-types.ts';
import * as z from 'zod/mini';

const points = deferred(() => z.number());

/** How an area compares with last year: by the same framework, through the framework's crosswalk, or not at all (and why). */
export const areaComparisons = ['same-framework', 'crosswalk', 'no-counterpart', 'no-mapping', 'not-scored', 'no-previous'] as const;

export const areaResultSchema = deferred(() =>
  z.strictObject({
    code: z.string(),
    score: points,
    max: points,
    index: points,
    previousIndex: z.optional(z.nullable(points)),
    change: z.optional(z.nullable(points)),
    comparison: z.optional(z.enum(areaComparisons)),
  }),
);

export const previousResultSchema = deferred(() =>
  z.strictObject({
    year: z.number().check(z.int()),
    index: points,
    /** null when the unit compares with several merged predecessors (no single rank existed) */
    rank: z.nullable(z.number().check(z.int(), z.gte(1))),
    band: z.nullable(z.string()),
    /** the units whose results were compared: the unit itself, or its predecessors as the registry records them */
    unitIds: z.array(z.string()),
  }),
);

/** `index`: points of index gained (negative: lost); `rank`: places gained (previous rank − rank). */
export const changeSchema = deferred(() => z.strictObject({ index: points, rank: z.nullable(z.number().check(z.int())) }));

/** A leaf where the unit lost points: its final score, maximum and the points lost. */
export const weakLeafSchema = deferred(() => z.strictObject({ code: z.string(), score: points, max: points, lost: points }));

/** The decision that published a unit (councils per level): the provincial council's or its district council's. */
export const publishedBySchema = deferred(() =>
  z
    .strictObject({
      council: z.enum(['province', 'district']),
      district: z.optional(z.string()),
      decision: z.string(),
      approvedAt: z.string(),
    })
    .register(z.globalRegistry, { id: 'PublishedBy' }),
);

export const unitResultSchema = deferred(() =>
  z
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
      rank: z.number().check(z.int(), z.gte(1)),
      band: z.string(),
      selfTotal: points,
      surveyTotal: points,
      missing: z.array(z.string()),
      areas: z.array(areaResultSchema),
      previous: z.optional(z.nullable(previousResultSchema)),
      change: z.optional(z.nullable(changeSchema)),
      weakest: z.optional(z.array(weakLeafSchema)),
      /** published results only: the council decision that published this unit */
      publishedBy: z.optional(publishedBySchema),
    })
    .register(z.globalRegistry, { id: 'UnitResult' }),
);
export type UnitResultJson = z.infer<typeof unitResultSchema>;

export const statsSchema = deferred(() =>
  z.strictObject({
    count: z.number().check(z.int()),
    mean: points,
    median: points,
    min: points,
    max: points,
  }),
);
export type StatsJson = z.infer<typeof statsSchema>;

/** One leaf (or area) across the units of a type: share of the maximum achieved, points lost, self-vs-appraised gap. */
export const leafStrengthSchema = deferred(() =>
  z.strictObject({
    code: z.string(),
    area: z.string(),
    units: z.number().check(z.int()),
    achieved: points,
    possible: points,
    /** 100 × achieved / possible, 2 decimals */
    share: points,
    lost: points,
    /** Σ (self score − appraised score) over the units, self-assessed leaves only */
    gap: points,
  }),
);

export const unitGapSchema = deferred(() =>
  z.strictObject({ unitId: z.string(), name: z.string(), gap: points, leaves: z.number().check(z.int()) }),
);

export const analysisSchema = deferred(() =>
  z
    .strictObject({
      share: points,
      areas: z.array(z.omit(leafStrengthSchema, { area: true })),
      leaves: z.array(leafStrengthSchema),
      /** leaf codes, most points lost first (at most 10) */
      mostLost: z.array(z.string()),
      /** leaf codes, largest self-vs-appraised gap first (at most 10, gaps > 0) */
      gapsByLeaf: z.array(z.string()),
      gapsByUnit: z.array(unitGapSchema),
    })
    .register(z.globalRegistry, { id: 'ResultsAnalysis' }),
);
export type Analysis = z.infer<typeof analysisSchema>;

export const resultsSchema = deferred(() =>
  z
    .strictObject({
      frameworkId: z.string(),
      units: z.array(unitResultSchema),
      stats: z.partialRecord(unitTypeSchema, statsSchema),
      /** the year compared with, when one was published before */
      previousYear: z.optional(z.nullable(z.number().check(z.int()))),
      analysis: z.optional(analysisSchema),
    })
    .register(z.globalRegistry, { id: 'Results' }),
);
export type Results = z.infer<typeof resultsSchema>;
