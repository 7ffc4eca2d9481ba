import { frameworkState } from '../../shared/app/frameworks/freeze-framework.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('getFrameworkState', async ({ params, caller }) => ({ body: await frameworkState(caller, params) }));
