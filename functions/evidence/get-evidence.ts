import { getEvidence } from '../../shared/app/evidence/get-evidence.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { assessmentRoutes } from '../../shared/routes/assessment.ts';

export const handler = httpHandler(assessmentRoutes, 'getEvidence', async ({ params, caller }) => ({
  body: await getEvidence(caller, { ...params }),
}));
