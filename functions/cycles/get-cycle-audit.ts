import { cycleAudit } from '../../shared/app/cycles/cycle-audit.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { adminRoutes } from '../../shared/routes/admin.ts';

export const handler = httpHandler(adminRoutes, 'getCycleAudit', async ({ params, query, caller }) => ({
  body: await cycleAudit(caller, { ...params, ...query }),
}));
