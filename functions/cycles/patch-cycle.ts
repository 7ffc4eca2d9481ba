import { patchCycle } from '../../shared/app/cycles/patch-cycle.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { cycleRoutes } from '../../shared/routes/cycles.ts';

export const handler = httpHandler(cycleRoutes, 'patchCycle', async ({ params, body, caller }) => ({
  body: await patchCycle(caller, { ...params, ...body }),
}));
