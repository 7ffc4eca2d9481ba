import { httpHandler } from '../../shared/http/handler.ts';
import { surveyDeskRoutes } from '../../shared/routes/survey-desk.ts';
import { listSurveyImports } from '../../shared/app/surveys/get-survey-import.ts';

export const handler = httpHandler(surveyDeskRoutes, 'listSurveyImports', async ({ params, caller }) => ({
  body: await listSurveyImports(caller, params),
}));
