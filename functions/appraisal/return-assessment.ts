import { returnAssessment } from '../../shared/app/appraisal/return-assessment.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { appraisalRoutes } from '../../shared/routes/appraisal.ts';

export const handler = httpHandler(appraisalRoutes, 'returnAssessment', async ({ params, body, caller }) => ({
  body: await returnAssessment(caller, { ...params, ...body }),
}));
