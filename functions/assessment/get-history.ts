import { getHistory } from '../../shared/app/assessment/get-history.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { assessmentRoutes } from '../../shared/routes/assessment.ts';

export const handler = httpHandler(assessmentRoutes, 'getHistory', async ({ params, caller }) => ({
  body: await getHistory(caller, { ...params }),
}));
