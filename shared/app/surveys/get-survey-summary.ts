import type { Caller } from '../../domain/roles.ts';
import { surveySummary } from './survey-summary.ts';
import { surveyStores, type SurveyStores } from './stores.ts';

export async function getSurveySummary(_caller: Caller, input: { year: number; surveyId: string }, stores: SurveyStores = surveyStores) {
  const { context, units } = await surveySummary(input.year, input.surveyId, stores);
  return { year: input.year, surveyId: input.surveyId, unitType: context.unitType, frameworkId: context.framework.id, units };
}
