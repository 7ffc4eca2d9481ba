import { submitAssessment } from '../../shared/app/assessment/submit-assessment.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('submitAssessment', async ({ params, caller }) => ({
  body: await submitAssessment(caller, { ...params }),
}));
