import { httpHandler } from '../../shared/http/handler.ts';
import { listAudit } from '../../shared/store/audit.ts';
import { assessmentKeys } from '../../shared/store/keys.ts';
import { loadContext } from '../../shared/app/assessment/assessment-context.ts';

export const handler = httpHandler('getHistory', async ({ params, caller }) => {
  await loadContext(caller, params.year, params.unitId, 'read');
  const events = await listAudit(assessmentKeys.auditSubject(params.year, params.unitId), 500);
  return { body: { events: events.map(({ subject: _s, actor: { subject: _sub, ...actor }, ...event }) => ({ ...event, actor })) } };
});
