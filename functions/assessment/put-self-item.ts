import { setSelfScore } from '../../shared/app/assessment/set-self-score.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { assessmentRoutes } from '../../shared/routes/assessment.ts';

export const handler = httpHandler(assessmentRoutes, 'putSelfItem', async ({ params, body, caller }) => ({
  body: await setSelfScore(caller, { ...params, ...body }),
}));
