import { openDataBundle } from '../../shared/app/results/open-data-bundle.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { insightRoutes } from '../../shared/routes/insights.ts';

export const handler = httpHandler(insightRoutes, 'publicOpenData', async ({ params }) => ({
  body: await openDataBundle(params.year),
  headers: { 'cache-control': 'public, max-age=3600' },
}));
