import { explainUnitResult } from '../../shared/app/results/explain-unit-result.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { insightRoutes } from '../../shared/routes/insights.ts';

export const handler = httpHandler(insightRoutes, 'explainUnitResult', async ({ params, caller }) => ({
  body: await explainUnitResult(params.year, params.unitId, caller),
}));
