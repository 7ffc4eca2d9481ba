import { getAssessment } from '../../shared/app/assessment/get-assessment.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { assessmentRoutes } from '../../shared/routes/assessment.ts';

export const handler = httpHandler(assessmentRoutes, 'getAssessment', async ({ params, caller }) => ({
  body: await getAssessment(caller, { ...params }),
}));
