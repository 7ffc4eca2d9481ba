import { getUnit } from '../../shared/app/registry/get-unit.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { unitRoutes } from '../../shared/routes/units.ts';

export const handler = httpHandler(unitRoutes, 'getUnit', async ({ params, caller }) => ({ body: await getUnit(caller, params) }));
