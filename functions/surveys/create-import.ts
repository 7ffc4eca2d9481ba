import { httpHandler } from '../../shared/http/handler.ts';
import { surveyRoutes } from '../../shared/routes/surveys.ts';
import { createSurveyImport } from '../../shared/app/surveys/create-survey-import.ts';

export const handler = httpHandler(surveyRoutes, 'createSurveyImport', async ({ params, body, caller }) => {
  const created = await createSurveyImport(caller, { ...params, ...body });
  const location = `/v1/cycles/${params.year}/surveys/${params.surveyId}/imports/${created.importId}`;
  return { status: 201, headers: { location }, body: created };
});
