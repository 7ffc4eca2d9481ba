import { createEvidence } from '../../shared/app/evidence/create-evidence.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { assessmentRoutes } from '../../shared/routes/assessment.ts';

export const handler = httpHandler(assessmentRoutes, 'createEvidence', async ({ params, body, caller }) => ({
  status: 201,
  body: await createEvidence(caller, { ...params, ...body }),
}));
