import { returnAssessment } from '../../shared/app/appraisal/return-assessment.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('returnAssessment', async ({ params, body, caller }) => ({
  body: await returnAssessment(caller, { ...params, ...body }),
}));
