import { allPublishedYears } from '../../shared/app/results/previous-publications.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { insightRoutes } from '../../shared/routes/insights.ts';

export const handler = httpHandler(insightRoutes, 'publicResultYears', async () => ({
  body: { years: await allPublishedYears() },
  headers: { 'cache-control': 'public, max-age=300' },
}));
