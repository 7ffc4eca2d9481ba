import { reopenAssessment } from '../../shared/app/appraisal/reopen-assessment.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('reopenAssessment', async ({ params, body, caller }) => ({
  body: await reopenAssessment(caller, { ...params, ...body }),
}));
