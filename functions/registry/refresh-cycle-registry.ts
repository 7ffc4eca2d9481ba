import { refreshCycleRegistry } from '../../shared/app/cycles/refresh-registry.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('refreshCycleRegistry', async ({ params, body, caller }) => ({
  body: await refreshCycleRegistry(caller, { ...params, ...body }),
}));
