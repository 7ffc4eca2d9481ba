/** An append-only audit event: who, when, what, before, after, reason (one partition per subject). */
import { deferred } from '../../schemas/zod.ts';
import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';

/** Audit events of one subject, oldest first in key order (sk starts with the ISO time). */
export const auditPartition = (subject: string) => `AUDIT#${subject}`;
export const auditKey = (subject: string, at: string, eventId: string) => ({ pk: auditPartition(subject), sk: `${at}#${eventId}` });

const auditSchema = deferred(() =>
  z.object({
    subject: z.string(),
    action: z.string(),
    at: z.string(),
    actor: z.object({ username: z.string(), subject: z.string(), roles: z.array(z.string()), unitId: z.optional(z.string()) }),
    target: z.optional(z.string()),
    before: z.optional(z.unknown()),
    after: z.optional(z.unknown()),
    reason: z.optional(z.string()),
  }),
);

export type AuditEvent = z.infer<typeof auditSchema>;

export function auditToItem(event: AuditEvent, eventId = randomUUID()): Record<string, unknown> {
  return { ...auditKey(event.subject, event.at, eventId), type: 'audit', ...event };
}

export function auditFromItem(raw: Record<string, unknown>): AuditEvent {
  return auditSchema.parse(raw);
}
