import { httpHandler } from '../../shared/http/handler.ts';
import { getSurveySummary } from '../../shared/app/surveys/get-survey-summary.ts';

export const handler = httpHandler('getSurveySummary', async ({ params, caller }) => ({ body: await getSurveySummary(caller, params) }));
