import { getFramework } from '../../shared/app/frameworks/get-framework.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { frameworkRoutes } from '../../shared/routes/frameworks.ts';

export const handler = httpHandler(frameworkRoutes, 'getFramework', async ({ params, caller }) => {
  const stored = await getFramework(caller, params);
  return { body: stored.framework, headers: { etag: `"${stored.version}"` } };
});
