import { publicReports } from '../../shared/app/results/public-reports.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { resultRoutes } from '../../shared/routes/results.ts';

export const handler = httpHandler(resultRoutes, 'publicReports', async ({ params, caller }) => ({
  body: await publicReports(caller, params),
}));
