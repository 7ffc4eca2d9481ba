import { httpHandler } from '../../shared/http/handler.ts';
import { surveyRoutes } from '../../shared/routes/surveys.ts';
import { rerunSurveyImport } from '../../shared/app/surveys/rerun-survey-import.ts';

export const handler = httpHandler(surveyRoutes, 'rerunSurveyImport', async ({ params, caller }) => ({
  status: 202,
  body: await rerunSurveyImport(caller, params),
}));
