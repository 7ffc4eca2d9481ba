import { parseFramework } from '../../shared/domain/framework.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problems.ts';
import { saveFramework } from '../../shared/store/frameworks-store.ts';

export const handler = httpHandler('putFramework', async ({ params, body, caller }) => {
  if (body.id !== params.frameworkId) {
    throw problems.validation([{ path: 'body.id', message: `must equal the frameworkId in the path ("${params.frameworkId}")` }]);
  }
  const parsed = parseFramework(body);
  if (!parsed.ok) throw problems.validation(parsed.errors.map((e) => ({ path: `body.${e.path}`, message: e.message })));
  const stored = await saveFramework(caller, parsed.framework);
  return { body: stored.framework, headers: { etag: `"${stored.version}"` } };
});
