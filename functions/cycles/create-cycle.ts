import { createCycle } from '../../shared/app/cycles/create-cycle.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { cycleRoutes } from '../../shared/routes/cycles.ts';

export const handler = httpHandler(cycleRoutes, 'createCycle', async ({ body, caller }) => {
  const cycle = await createCycle(caller, body);
  return { status: 201, body: cycle, headers: { location: `/v1/cycles/${cycle.year}` } };
});
