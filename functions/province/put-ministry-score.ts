import { recordMinistryScore } from '../../shared/app/province/ministry-score.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { provinceRoutes } from '../../shared/routes/province.ts';

export const handler = httpHandler(provinceRoutes, 'putMinistryScore', async ({ params, body, caller }) => ({
  body: await recordMinistryScore(caller, { ...params, ...body }),
}));
