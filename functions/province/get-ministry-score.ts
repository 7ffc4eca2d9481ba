import { getMinistryScoreView } from '../../shared/app/province/ministry-score.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('getMinistryScore', async ({ params, caller }) => ({
  body: await getMinistryScoreView(caller, params),
}));
