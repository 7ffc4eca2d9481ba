/**
 * Append-only audit events: who, when, what, before, after, reason. Written in the same
 * transaction as the change they describe, with a condition that the event is new.
 */
import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Caller } from '../domain/roles.ts';
import { dynamo, tableName } from './clients.ts';
import { keys } from './keys.ts';

export interface AuditEvent {
  subject: string;
  action: string;
  at: string;
  actor: { username: string; subject: string; roles: readonly string[]; unitId?: string };
  target?: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
}

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
    actor: { username: caller.username, subject: caller.subject, roles: caller.roles, unitId: caller.unitId },
    ...change,
  };
}

/** The Put of a transaction that records the event. */
export function auditPut(event: AuditEvent) {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...keys.audit(event.subject, event.at, randomUUID()), type: 'audit', ...event },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export async function listAudit(subject: string, limit = 200): Promise<AuditEvent[]> {
  const out = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.auditPartition(subject) },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map(({ pk: _pk, sk: _sk, type: _t, ...event }) => event as AuditEvent);
}
