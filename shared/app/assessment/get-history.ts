import type { Caller } from '../../domain/roles.ts';
import { assessmentAuditSubject } from '../../store/entities/assessment-header.ts';
import { loadContext } from './assessment-context.ts';
import type { AssessmentInput } from './get-assessment.ts';
import { assessmentStores, type AssessmentStores } from './stores.ts';

/** The assessment's audit events, newest first (the actor's token subject is not shown). */
export async function getHistory(caller: Caller, input: AssessmentInput, stores: AssessmentStores = assessmentStores) {
  await loadContext(caller, input.year, input.unitId, 'read', stores);
  const events = await stores.listAudit(assessmentAuditSubject(input.year, input.unitId), 500);
  return { events: events.map(({ subject: _s, actor: { subject: _sub, ...actor }, ...event }) => ({ ...event, actor })) };
}
