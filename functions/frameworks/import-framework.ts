import { importFramework } from '../../shared/app/frameworks/import-framework.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { adminRoutes } from '../../shared/routes/admin.ts';

export const handler = httpHandler(adminRoutes, 'importFramework', async ({ body, caller }) => ({
  body: await importFramework(caller, body),
}));
