import { getHistory } from '../../shared/app/assessment/get-history.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('getHistory', async ({ params, caller }) => ({ body: await getHistory(caller, { ...params }) }));
