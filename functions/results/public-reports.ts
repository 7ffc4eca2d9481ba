import { publicReports } from '../../shared/app/results/public-reports.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('publicReports', async ({ params, caller }) => ({ body: await publicReports(caller, params) }));
