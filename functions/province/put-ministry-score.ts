import { recordMinistryScore } from '../../shared/app/province/ministry-score.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('putMinistryScore', async ({ params, body, caller }) => ({
  body: await recordMinistryScore(caller, { ...params, ...body }),
}));
