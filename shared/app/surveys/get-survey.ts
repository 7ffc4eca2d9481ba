import type { Caller } from '../../domain/roles.ts';
import type { SurveyView } from './put-survey.ts';
import { loadSurveyContext } from './survey-context.ts';
import { surveyStores, type SurveyStores } from './stores.ts';

export async function getSurvey(
  _caller: Caller,
  input: { year: number; surveyId: string },
  stores: SurveyStores = surveyStores,
): Promise<SurveyView> {
  const { stored, definition, unitType, framework } = await loadSurveyContext(input.year, input.surveyId, stores);
  return { year: input.year, surveyId: input.surveyId, unitType, frameworkId: framework.id, version: stored.version, definition };
}
