import { httpHandler } from '../../shared/http/handler.ts';
import { surveyRoutes } from '../../shared/routes/surveys.ts';
import { getSurveyImport } from '../../shared/app/surveys/get-survey-import.ts';

export const handler = httpHandler(surveyRoutes, 'getSurveyImport', async ({ params, query, caller }) => ({
  body: await getSurveyImport(caller, { ...params, ...query }),
}));
