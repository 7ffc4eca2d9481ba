/**
 * The scores file, input of `par compute` (DESIGN §3.4): per unit, the final (appraised) score
 * of every self leaf (and of survey leaves when no survey file is given), its bonus and penalty
 * points and the codes that do not apply to it.
 *
 * This schema checks the shape; the rules that need the framework (known codes, 0.25 steps,
 * maxima) are in shared/domain/scores-validation.ts, which reports them with the same paths
 * (`units[3].scores["1.1.2"]: 1.3 is not a multiple of 0.25`).
 */
import { unitTypeSchema } from '../unit-types.ts';
import * as z from 'zod/mini';
import { idString, deferred } from '../zod.ts';

const score = deferred(() => z.number({ error: 'must be a number' }));

export const unitScoresSchema = deferred(() =>
  z.strictObject({
    unitId: idString,
    unitType: unitTypeSchema,
    name: z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(300)),
    /** leaf code → score */
    scores: z.record(z.string(), score),
    /** adjustment code (bonus or penalty) → points, each in [0, its max] */
    adjustments: z._default(z.record(z.string(), score), {}),
    /** area, criterion or leaf codes exempted for this unit, with everything below them */
    notApplicable: z._default(z.array(z.string()), []),
  }),
);
export type UnitScores = z.infer<typeof unitScoresSchema>;
export type UnitScoresInput = z.input<typeof unitScoresSchema>;

// Loose at the top so a file can carry its own metadata (year, source); units are strict, since a
// misspelt "notApplicable" silently ignored would change published indexes.
export const scoresFileSchema = deferred(() =>
  z.looseObject({
    units: z.array(unitScoresSchema).check(z.minLength(1, 'must list at least one unit')),
  }),
);
export type ScoresFile = z.infer<typeof scoresFileSchema>;
export type ScoresFileInput = z.input<typeof scoresFileSchema>;
