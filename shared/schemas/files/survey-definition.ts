/**
 * A survey definition as the administrator writes it (`PUT /cycles/{year}/surveys/{surveyId}`),
 * the shape of `reference/surveys/*.json`. It is a strict superset of the engine's
 * `surveyDefinitionSchema` (survey-file.ts): the computation reads `options`, `groupWeights` and
 * `questions`; the rest (groups, labels, target sample, populations) drives imports, invitations
 * and the sample tracking. Rules that need the framework or the unit registry are in
 * shared/domain/survey-definition.ts.
 */
import { yearParam } from '../api/common.ts';
import { unitTypeSchema } from '../unit-types.ts';
import * as z from 'zod/mini';
import { idString, nfcText, deferred } from '../zod.ts';
import { frameworkCode } from '../codes.ts';

/**
 * Names a plain object inherits or uses for its machinery: never a group, option, question or
 * figure id (a map keyed by user input would read or lose them: issue 10). `__proto__` is also
 * silently dropped by zod's record parsing, so `ownRecord` refuses it before zod sees it.
 */
export const reservedKeys: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  ...Object.getOwnPropertyNames(Object.prototype),
]);
const reservedMessage = (k: string) => `"${k}" is a reserved name, not an id`;

/** Refuses the reserved names the id pattern lets through (`__proto__` already breaks the pattern: one error each). */
const notReserved = (k: string) => !/^[A-Za-z0-9]/.test(k) || !reservedKeys.has(k);

/** An id that is safe as a record key: the id pattern and none of the reserved names. */
export const keyId = idString.check(z.refine(notReserved, { error: (issue) => reservedMessage(String(issue.input)) }));

/** A record keyed by user input whose every key is an own key matching `key`, never a reserved name. */
export function ownRecord<K extends z.core.$ZodType<string, string>, V extends z.core.$ZodType>(key: K, value: V) {
  return z.pipe(
    z.transform((raw, ctx) => {
      if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
        for (const k of Object.keys(raw)) {
          if (reservedKeys.has(k)) ctx.issues.push({ code: 'custom', message: reservedMessage(k), path: [k], input: raw });
        }
      }
      return raw;
    }),
    z.record(key, value),
  );
}

/** Answer keys appear in CSV cells and attribute names: short, no separators. */
export const optionKey = deferred(() =>
  z
    .string()
    .check(
      z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$/, 'must be 1 to 16 letters, digits, ".", "_" or "-"'),
      z.refine(notReserved, { error: (issue) => reservedMessage(String(issue.input)) }),
    ),
);

const weightMessage = 'must be a weight from 0 to 1, or null for "no opinion"';
const weight = deferred(() => z.nullable(z.number({ error: weightMessage }).check(z.gte(0, weightMessage), z.lte(1, weightMessage))));

export const optionsSchema = ownRecord(optionKey, weight).check(
  z.refine((o) => Object.keys(o).length > 0, 'must list at least one answer option'),
  z.refine((o) => Object.values(o).some((w) => w !== null), 'at least one option must carry a weight (not null)'),
);

const leafCode = frameworkCode('3.5.1');

export const questionSchema = deferred(() =>
  z.strictObject({
    id: keyId,
    leaf: leafCode,
    /** The respondent groups asked this question; every group when absent. */
    groups: z.optional(z.array(keyId).check(z.minLength(1, 'must list at least one group'))),
    /** This question's own options, replacing the survey's. */
    options: z.optional(optionsSchema),
    text: z.optional(nfcText(1, 2000)),
  }),
);
export type Question = z.infer<typeof questionSchema>;

/** Yamane: n = N / (1 + N·e²), rounded up; N a number or the name of a per-unit figure in `populations`. */
export const yamaneSchema = deferred(() =>
  z.strictObject({
    formula: z.literal('yamane'),
    margin: z.number().check(z.gt(0, 'must be greater than 0'), z.lt(1, 'must be less than 1')),
    population: z.union([z.number().check(z.int(), z.gte(0)), idString], {
      error: 'must be a whole number or the name of a figure in populations',
    }),
  }),
);
export const targetSchema = deferred(() =>
  z.union([z.number().check(z.int(), z.gte(1), z.lte(1_000_000)), yamaneSchema], {
    error: 'must be a whole number of respondents, or {"formula": "yamane", "margin", "population"}',
  }),
);
export type TargetSample = z.infer<typeof targetSchema>;

export const surveyDefinitionSchema = deferred(() =>
  z
    .strictObject({
      id: idString,
      /** Defaults to the cycle's framework for the survey's unit type; must equal it when given. */
      frameworkId: z.optional(idString),
      /** Needed only when the cycle's `surveys` map does not name this survey. */
      unitType: z.optional(unitTypeSchema),
      name: nfcText(1, 500),
      /** Group id → label (nhóm đối tượng). */
      groups: ownRecord(keyId, nfcText(1, 300)).check(z.refine((g) => Object.keys(g).length > 0, 'must list at least one group')),
      options: optionsSchema,
      optionLabels: z.optional(ownRecord(optionKey, nfcText(1, 300))),
      /** Group → weight in a question's value; a group not listed weighs 1. */
      groupWeights: z._default(ownRecord(keyId, z.number().check(z.positive('must be a weight greater than 0'), z.lte(1000))), {}),
      /** Group → minimum sample per unit. */
      targetSample: ownRecord(keyId, targetSchema),
      /** Figure name → unit id → population N, for Yamane targets that name a figure. */
      populations: z.optional(ownRecord(keyId, ownRecord(keyId, z.number().check(z.int(), z.gte(0))))),
      questions: z.array(questionSchema).check(z.minLength(1, 'must list at least one question'), z.maxLength(500)),
    })
    .register(z.globalRegistry, { id: 'SurveyDefinition' }),
);
export type SurveyDefinitionInput = z.infer<typeof surveyDefinitionSchema>;

export const putSurveyBody = deferred(() =>
  z.extend(surveyDefinitionSchema, {
    expectedVersion: z.optional(z.number().check(z.int(), z.gte(0))),
  }),
);

export const surveyParams = deferred(() =>
  z.strictObject({
    year: yearParam,
    surveyId: idString,
  }),
);

export const storedSurveySchema = deferred(() =>
  z
    .object({
      year: z.number().check(z.int()),
      surveyId: z.string(),
      unitType: unitTypeSchema,
      frameworkId: z.string(),
      version: z.number().check(z.int()),
      definition: surveyDefinitionSchema,
      /** Survey leaves of the framework that no question feeds, groups asked nothing: allowed, worth knowing. */
      warnings: z.optional(z.array(z.string())),
    })
    .register(z.globalRegistry, { id: 'StoredSurvey' }),
);
