import { setExplanation } from '../../shared/app/appraisal/set-explanation.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('putExplanationItem', async ({ params, body, caller }) => ({
  body: await setExplanation(caller, { ...params, ...body }),
}));
