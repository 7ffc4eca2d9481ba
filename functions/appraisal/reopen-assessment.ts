import { reopenAssessment } from '../../shared/app/appraisal/reopen-assessment.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { appraisalRoutes } from '../../shared/routes/appraisal.ts';

export const handler = httpHandler(appraisalRoutes, 'reopenAssessment', async ({ params, body, caller }) => ({
  body: await reopenAssessment(caller, { ...params, ...body }),
}));
