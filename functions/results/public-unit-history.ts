import { unitHistory } from '../../shared/app/results/previous-publications.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { insightRoutes } from '../../shared/routes/insights.ts';

/** A unit's published results across years: published figures only, never drafts or appraisal notes. */
export const handler = httpHandler(insightRoutes, 'publicUnitHistory', async ({ params }) => ({
  body: await unitHistory(params.unitId),
  headers: { 'cache-control': 'public, max-age=300' },
}));
