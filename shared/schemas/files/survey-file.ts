/**
 * The survey file of `par compute --survey` and what a survey import produces (DESIGN §3.4).
 *
 * A survey definition (the files in reference/surveys: id, name, group labels, option labels,
 * target sample, question texts) plus its responses. Metadata fields the computation does not
 * use are allowed and ignored, so a definition can be used as is with `responses` added.
 * Cross-checks that need the framework or the scores file (a question's leaf, a response's unit,
 * an answer outside its options) are in shared/domain/survey-aggregation.ts.
 */
import { deferred } from '../zod.ts';
import * as z from 'zod/mini';
import { frameworkCode } from '../codes.ts';

const weight = deferred(() =>
  z.nullable(
    z
      .number({ error: 'must be a weight from 0 to 1, or null for "no opinion"' })
      .check(
        z.gte(0, 'must be a weight from 0 to 1, or null for "no opinion"'),
        z.lte(1, 'must be a weight from 0 to 1, or null for "no opinion"'),
      ),
  ),
);

/** Answer key → weight in [0, 1]; null = "no opinion", left out of the means. */
export const surveyOptionsSchema = deferred(() =>
  z
    .record(z.string().check(z.minLength(1, 'an answer key cannot be empty')), weight)
    .check(z.refine((o) => Object.keys(o).length > 0, 'must list at least one answer option')),
);

const code = frameworkCode('3.5.1');

export const surveyQuestionSchema = deferred(() =>
  z.looseObject({
    id: z.string().check(z.minLength(1), z.maxLength(64)),
    leaf: code,
    /** The respondent groups asked this question; all groups when absent. */
    groups: z.optional(z.array(z.string().check(z.minLength(1))).check(z.minLength(1, 'must list at least one group'))),
    /** This question's own answer options, replacing the file's `options`. */
    options: z.optional(surveyOptionsSchema),
    text: z.optional(z.string()),
  }),
);
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;

/** An answer: an option key; null or "" = not answered. Numbers are read as keys ("1" ≡ 1). */
export const answerSchema = deferred(() =>
  z.union([z.string(), z.number(), z.null()], {
    error: 'must be an answer key (a string), or null for no answer',
  }),
);

export const surveyResponseSchema = deferred(() =>
  z.looseObject({
    unitId: z.string().check(z.minLength(1)),
    group: z.string().check(z.minLength(1)),
    answers: z.record(z.string(), answerSchema),
    respondentId: z.optional(z.string()),
  }),
);
export type SurveyResponse = z.infer<typeof surveyResponseSchema>;

export const surveyDefinitionSchema = deferred(() =>
  z.looseObject({
    frameworkId: z.optional(z.string()),
    options: surveyOptionsSchema,
    /** Group → weight in the question value; a group not listed weighs 1. */
    groupWeights: z._default(z.record(z.string(), z.number().check(z.positive('must be a weight greater than 0'))), {}),
    questions: z.array(surveyQuestionSchema).check(z.minLength(1, 'must list at least one question')),
  }),
);
export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;

export const surveyFileSchema = deferred(() =>
  z.extend(surveyDefinitionSchema, {
    responses: z._default(z.array(surveyResponseSchema), []),
  }),
);
export type SurveyFile = z.infer<typeof surveyFileSchema>;
