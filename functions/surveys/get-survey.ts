import { httpHandler } from '../../shared/http/handler.ts';
import { surveyRoutes } from '../../shared/routes/surveys.ts';
import { getSurvey } from '../../shared/app/surveys/get-survey.ts';

export const handler = httpHandler(surveyRoutes, 'getSurvey', async ({ params, caller }) => {
  const survey = await getSurvey(caller, params);
  return { headers: { etag: `"${survey.version}"` }, body: survey };
});
