import { cycleRegistry } from '../../shared/app/cycles/get-cycle-registry.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('getCycleRegistry', async ({ params, caller }) => ({ body: await cycleRegistry(caller, params) }));
