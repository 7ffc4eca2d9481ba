import { cycleRegistry } from '../../shared/app/cycles/get-cycle-registry.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { registryRoutes } from '../../shared/routes/registry.ts';

export const handler = httpHandler(registryRoutes, 'getCycleRegistry', async ({ params, caller }) => ({
  body: await cycleRegistry(caller, params),
}));
