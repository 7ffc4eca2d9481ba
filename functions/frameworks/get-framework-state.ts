import { frameworkState } from '../../shared/app/frameworks/freeze-framework.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { adminRoutes } from '../../shared/routes/admin.ts';

export const handler = httpHandler(adminRoutes, 'getFrameworkState', async ({ params, caller }) => ({
  body: await frameworkState(caller, params),
}));
