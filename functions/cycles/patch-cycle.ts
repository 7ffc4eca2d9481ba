import { patchCycle } from '../../shared/app/cycles/patch-cycle.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('patchCycle', async ({ params, body, caller }) => ({
  body: await patchCycle(caller, { ...params, ...body }),
}));
