import { httpHandler } from '../../shared/http/handler.ts';
import { listSurveyImports } from '../../shared/app/surveys/get-survey-import.ts';

export const handler = httpHandler('listSurveyImports', async ({ params, caller }) => ({
  body: await listSurveyImports(caller, params),
}));
