import { getCycle } from '../../shared/app/cycles/get-cycle.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { cycleRoutes } from '../../shared/routes/cycles.ts';

export const handler = httpHandler(cycleRoutes, 'getCycle', async ({ params, caller }) => ({ body: await getCycle(caller, params) }));
