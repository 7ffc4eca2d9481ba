import { saveFramework } from '../../shared/app/frameworks/save-framework.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { frameworkRoutes } from '../../shared/routes/frameworks.ts';

export const handler = httpHandler(frameworkRoutes, 'putFramework', async ({ params, body, caller }) => {
  const stored = await saveFramework(caller, { ...params, ...body });
  return { body: stored.framework, headers: { etag: `"${stored.version}"` } };
});
