import { httpHandler } from '../../shared/http/handler.ts';
import { surveySummary } from '../../shared/app/surveys/survey-summary.ts';

export const handler = httpHandler('getSurveySummary', async ({ params }) => {
  const { context, units } = await surveySummary(params.year, params.surveyId);
  return { body: { year: params.year, surveyId: params.surveyId, unitType: context.unitType, frameworkId: context.framework.id, units } };
});
