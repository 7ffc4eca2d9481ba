import { getCycle } from '../../shared/app/cycles/get-cycle.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('getCycle', async ({ params, caller }) => ({ body: await getCycle(caller, params) }));
