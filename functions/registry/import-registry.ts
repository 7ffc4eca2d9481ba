import { importRegistry } from '../../shared/app/registry/import-registry.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('importRegistry', async ({ body, caller }) => ({ body: await importRegistry(caller, body) }));
