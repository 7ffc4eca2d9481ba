import { confirmEvidence } from '../../shared/app/evidence/confirm-evidence.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { assessmentRoutes } from '../../shared/routes/assessment.ts';

export const handler = httpHandler(assessmentRoutes, 'confirmEvidence', async ({ params, caller }) => ({
  body: await confirmEvidence(caller, { ...params }),
}));
