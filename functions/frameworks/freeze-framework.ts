import { freezeFramework } from '../../shared/app/frameworks/freeze-framework.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('freezeFramework', async ({ params, body, caller }) => ({
  body: await freezeFramework(caller, { ...params, ...body }),
}));
