import { retireUnit } from '../../shared/app/registry/retire-unit.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('retireUnit', async ({ params, body, caller }) => ({
  body: await retireUnit(caller, { ...params, ...body }),
}));
