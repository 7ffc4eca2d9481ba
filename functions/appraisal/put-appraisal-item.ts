import { setAppraisedScore } from '../../shared/app/appraisal/set-appraised-score.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('putAppraisalItem', async ({ params, body, caller }) => ({
  body: await setAppraisedScore(caller, { ...params, ...body }),
}));
