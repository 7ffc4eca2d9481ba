import { getUnit } from '../../shared/app/registry/get-unit.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('getUnit', async ({ params, caller }) => ({ body: await getUnit(caller, params) }));
