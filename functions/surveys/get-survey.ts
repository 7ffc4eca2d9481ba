import { httpHandler } from '../../shared/http/handler.ts';
import { surveyContextOrProblem } from '../../shared/app/surveys/survey-context.ts';

export const handler = httpHandler('getSurvey', async ({ params }) => {
  const context = await surveyContextOrProblem(params.year, params.surveyId);
  const { stored, definition, unitType, framework } = context;
  return {
    headers: { etag: `"${stored.version}"` },
    body: { year: params.year, surveyId: params.surveyId, unitType, frameworkId: framework.id, version: stored.version, definition },
  };
});
