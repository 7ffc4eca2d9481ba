import { importFramework } from '../../shared/app/frameworks/import-framework.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('importFramework', async ({ body, caller }) => ({ body: await importFramework(caller, body) }));
