import { cycleAudit } from '../../shared/app/cycles/cycle-audit.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('getCycleAudit', async ({ params, query, caller }) => ({
  body: await cycleAudit(caller, { ...params, ...query }),
}));
