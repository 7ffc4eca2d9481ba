import { freezeFramework } from '../../shared/app/frameworks/freeze-framework.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { adminRoutes } from '../../shared/routes/admin.ts';

export const handler = httpHandler(adminRoutes, 'freezeFramework', async ({ params, body, caller }) => ({
  body: await freezeFramework(caller, { ...params, ...body }),
}));
