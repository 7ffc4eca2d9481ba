import { httpHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problems.ts';
import { getFramework } from '../../shared/store/frameworks-store.ts';

export const handler = httpHandler('getFramework', async ({ params }) => {
  const stored = await getFramework(params.frameworkId);
  if (!stored) throw problems.notFound(`framework ${params.frameworkId} does not exist`);
  return { body: stored.framework, headers: { etag: `"${stored.version}"` } };
});
