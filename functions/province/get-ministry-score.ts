import { getMinistryScoreView } from '../../shared/app/province/ministry-score.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { provinceRoutes } from '../../shared/routes/province.ts';

export const handler = httpHandler(provinceRoutes, 'getMinistryScore', async ({ params, caller }) => ({
  body: await getMinistryScoreView(caller, params),
}));
