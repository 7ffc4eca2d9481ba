import { setSelfScore } from '../../shared/app/assessment/set-self-score.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('putSelfItem', async ({ params, body, caller }) => ({
  body: await setSelfScore(caller, { ...params, ...body }),
}));
