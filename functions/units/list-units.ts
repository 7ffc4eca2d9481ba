import { listUnits } from '../../shared/app/registry/list-units.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { unitRoutes } from '../../shared/routes/units.ts';

export const handler = httpHandler(unitRoutes, 'listUnits', async ({ query, caller }) => ({ body: await listUnits(caller, query) }));
