/**
 * Append-only audit events: who, when, what, before, after, reason. Written in the same
 * transaction as the change they describe, with a condition that the event is new.
 */
import { QueryCommand } from './dynamo/commands.ts';
import type { Caller } from '../domain/roles.ts';
import { dynamo, tableName } from './clients.ts';
import { auditFromItem, auditPartition, auditToItem, type AuditEvent } from './entities/audit-event.ts';

export type { AuditEvent };

export function auditEvent(
  caller: Caller,
  subject: string,
  action: string,
  change: { target?: string; before?: unknown; after?: unknown; reason?: string },
  at = new Date().toISOString(),
): AuditEvent {
  return {
    subject,
    action,
    at,
    actor: { username: caller.username, subject: caller.subject, roles: [...caller.roles], unitId: caller.unitId },
    ...change,
  };
}

/** The Put of a transaction that records the event. */
export function auditPut(event: AuditEvent) {
  return { Put: { TableName: tableName(), Item: auditToItem(event), ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** A subject's events, newest first. */
export async function listAudit(subject: string, limit = 200): Promise<AuditEvent[]> {
  const out = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': auditPartition(subject) },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map(auditFromItem);
}
