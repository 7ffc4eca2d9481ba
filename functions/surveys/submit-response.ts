/**
 * The public survey route: no sign-in, the invitation code is the credential (rules in
 * shared/app/surveys/submit-survey-response.ts). API Gateway throttles this route harder than
 * the rest (api stack, `publicRoute`).
 */
import { httpHandler } from '../../shared/http/handler.ts';
import { surveyRoutes } from '../../shared/routes/surveys.ts';
import { submitSurveyResponse } from '../../shared/app/surveys/submit-survey-response.ts';

export const handler = httpHandler(surveyRoutes, 'submitSurveyResponse', async ({ params, body, caller }) => ({
  status: 201,
  body: await submitSurveyResponse(caller, { ...params, ...body }),
}));
