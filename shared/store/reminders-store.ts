/**
 * Every reminder sent (who, when, what), one item per (cycle, kind, subject, deadline, slot): the
 * item is claimed with a conditional put before the message leaves, so a retried or re-run task
 * never sends the same reminder twice. A send that fails releases its claim for the retry.
 */
import { DeleteCommand, PutCommand, UpdateCommand } from './dynamo/commands.ts';
import { dynamo, tableName } from './clients.ts';
import { queryAll } from './query.ts';

export interface ReminderRecord {
  year: number;
  kind: string;
  subject: string;
  deadline: string;
  slot: string;
  recipients: string[];
  messageSubject: string;
  missing: string[];
  status: 'sending' | 'sent' | 'no-recipient' | 'no-sender';
  at: string;
  execution?: string;
  messageIds?: string[];
}

export const reminderKeys = {
  reminder: (r: Pick<ReminderRecord, 'year' | 'kind' | 'subject' | 'deadline' | 'slot'>) => ({
    pk: `CYCLE#${r.year}`,
    sk: `REMINDER#${r.kind}#${r.subject}#${r.deadline}#${r.slot}`,
  }),
  prefix: 'REMINDER#',
} as const;

/** Claims the reminder; false when it was claimed (sent) before. */
export async function claimReminder(record: ReminderRecord): Promise<boolean> {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...reminderKeys.reminder(record), entity: 'reminder', ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

export async function markSent(record: ReminderRecord, messageIds: string[]): Promise<void> {
  await dynamo().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: reminderKeys.reminder(record),
      UpdateExpression: 'SET #status = :sent, messageIds = :ids, sentAt = :at',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':sent': 'sent', ':ids': messageIds, ':at': new Date().toISOString() },
    }),
  );
}

export async function releaseReminder(record: ReminderRecord): Promise<void> {
  await dynamo().send(new DeleteCommand({ TableName: tableName(), Key: reminderKeys.reminder(record) }));
}

export async function listReminders(year: number): Promise<ReminderRecord[]> {
  const rows = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': `CYCLE#${year}`, ':prefix': reminderKeys.prefix },
  });
  return rows.map(({ pk: _pk, sk: _sk, entity: _e, ...rest }) => rest as unknown as ReminderRecord);
}
