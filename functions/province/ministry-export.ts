import { ministryExport } from '../../shared/app/province/ministry-export.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { provinceRoutes } from '../../shared/routes/province.ts';

export const handler = httpHandler(provinceRoutes, 'ministryExport', async ({ params, query, caller }) => ({
  body: await ministryExport(caller, { ...params, format: query.format }),
}));
