import { submitAssessment } from '../../shared/app/assessment/submit-assessment.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { assessmentRoutes } from '../../shared/routes/assessment.ts';

export const handler = httpHandler(assessmentRoutes, 'submitAssessment', async ({ params, caller }) => ({
  body: await submitAssessment(caller, { ...params }),
}));
