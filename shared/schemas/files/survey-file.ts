/**
 * The survey file of `par compute --survey` and what a survey import produces (DESIGN §3.4).
 *
 * A survey definition (the files in reference/surveys: id, name, group labels, option labels,
 * target sample, question texts) plus its responses. Metadata fields the computation does not
 * use are allowed and ignored, so a definition can be used as is with `responses` added.
 * Cross-checks that need the framework or the scores file (a question's leaf, a response's unit,
 * an answer outside its options) are in shared/domain/survey-aggregation.ts.
 */
import * as z from 'zod';
import { frameworkCode } from '../codes.ts';

const weight = z
  .number({ error: 'must be a weight from 0 to 1, or null for "no opinion"' })
  .min(0, 'must be a weight from 0 to 1, or null for "no opinion"')
  .max(1, 'must be a weight from 0 to 1, or null for "no opinion"')
  .nullable();

/** Answer key → weight in [0, 1]; null = "no opinion", left out of the means. */
export const surveyOptionsSchema = z
  .record(z.string().min(1, 'an answer key cannot be empty'), weight)
  .refine((o) => Object.keys(o).length > 0, 'must list at least one answer option');

const code = frameworkCode('3.5.1');

export const surveyQuestionSchema = z.looseObject({
  id: z.string().min(1).max(64),
  leaf: code,
  /** The respondent groups asked this question; all groups when absent. */
  groups: z.array(z.string().min(1)).min(1, 'must list at least one group').optional(),
  /** This question's own answer options, replacing the file's `options`. */
  options: surveyOptionsSchema.optional(),
  text: z.string().optional(),
});
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;

/** An answer: an option key; null or "" = not answered. Numbers are read as keys ("1" ≡ 1). */
export const answerSchema = z.union([z.string(), z.number(), z.null()], {
  error: 'must be an answer key (a string), or null for no answer',
});

export const surveyResponseSchema = z.looseObject({
  unitId: z.string().min(1),
  group: z.string().min(1),
  answers: z.record(z.string(), answerSchema),
  respondentId: z.string().optional(),
});
export type SurveyResponse = z.infer<typeof surveyResponseSchema>;

export const surveyDefinitionSchema = z.looseObject({
  frameworkId: z.string().optional(),
  options: surveyOptionsSchema,
  /** Group → weight in the question value; a group not listed weighs 1. */
  groupWeights: z.record(z.string(), z.number().positive('must be a weight greater than 0')).default({}),
  questions: z.array(surveyQuestionSchema).min(1, 'must list at least one question'),
});
export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;

export const surveyFileSchema = surveyDefinitionSchema.extend({
  responses: z.array(surveyResponseSchema).default([]),
});
export type SurveyFile = z.infer<typeof surveyFileSchema>;
