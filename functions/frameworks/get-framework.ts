import { getFramework } from '../../shared/app/frameworks/get-framework.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('getFramework', async ({ params, caller }) => {
  const stored = await getFramework(caller, params);
  return { body: stored.framework, headers: { etag: `"${stored.version}"` } };
});
