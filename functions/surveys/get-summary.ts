import { httpHandler } from '../../shared/http/handler.ts';
import { surveyRoutes } from '../../shared/routes/surveys.ts';
import { getSurveySummary } from '../../shared/app/surveys/get-survey-summary.ts';

export const handler = httpHandler(surveyRoutes, 'getSurveySummary', async ({ params, caller }) => ({
  body: await getSurveySummary(caller, params),
}));
