import { importRegistry } from '../../shared/app/registry/import-registry.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { registryRoutes } from '../../shared/routes/registry.ts';

export const handler = httpHandler(registryRoutes, 'importRegistry', async ({ body, caller }) => ({
  body: await importRegistry(caller, body),
}));
