import { httpHandler } from '../../shared/http/handler.ts';
import { getSurvey } from '../../shared/app/surveys/get-survey.ts';

export const handler = httpHandler('getSurvey', async ({ params, caller }) => {
  const survey = await getSurvey(caller, params);
  return { headers: { etag: `"${survey.version}"` }, body: survey };
});
