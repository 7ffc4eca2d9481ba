import { getAssessment } from '../../shared/app/assessment/get-assessment.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('getAssessment', async ({ params, caller }) => ({ body: await getAssessment(caller, { ...params }) }));
