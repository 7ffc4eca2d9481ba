import { httpHandler } from '../../shared/http/handler.ts';
import { surveyRoutes } from '../../shared/routes/surveys.ts';
import { putSurvey } from '../../shared/app/surveys/put-survey.ts';

export const handler = httpHandler(surveyRoutes, 'putSurvey', async ({ params, body, caller }) => {
  const { created, ...saved } = await putSurvey(caller, { ...params, ...body });
  return { status: created ? 201 : 200, headers: { etag: `"${saved.version}"` }, body: saved };
});
