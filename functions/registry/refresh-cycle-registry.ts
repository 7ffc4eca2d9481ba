import { refreshCycleRegistry } from '../../shared/app/cycles/refresh-registry.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { registryRoutes } from '../../shared/routes/registry.ts';

export const handler = httpHandler(registryRoutes, 'refreshCycleRegistry', async ({ params, body, caller }) => ({
  body: await refreshCycleRegistry(caller, { ...params, ...body }),
}));
