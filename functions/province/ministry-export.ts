import { ministryExport } from '../../shared/app/province/ministry-export.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('ministryExport', async ({ params, query, caller }) => ({
  body: await ministryExport(caller, { ...params, format: query.format }),
}));
