import { listUnits } from '../../shared/app/registry/list-units.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('listUnits', async ({ query, caller }) => ({ body: await listUnits(caller, query) }));
