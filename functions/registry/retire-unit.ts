import { retireUnit } from '../../shared/app/registry/retire-unit.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { registryRoutes } from '../../shared/routes/registry.ts';

export const handler = httpHandler(registryRoutes, 'retireUnit', async ({ params, body, caller }) => ({
  body: await retireUnit(caller, { ...params, ...body }),
}));
