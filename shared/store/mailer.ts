/**
 * Outgoing e-mail: SES v2 in the cloud (`MAIL_FROM` is the verified sender), or, when `OUTBOX_DIR`
 * is set (the local runtime), one readable text file per message in that directory. Chosen by
 * configuration like every other endpoint here, never by the environment's name.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { awsJson } from './aws/json-call.ts';

export interface Mail {
  to: readonly string[];
  subject: string;
  text: string;
}

/** A file name that sorts by time and says what the message is about. */
function outboxName(mail: Mail, at: Date, tag: string): string {
  const slug = tag.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80);
  return `${at.toISOString().replace(/[:.]/g, '-')}-${slug}.txt`;
}

/** Whether mail can leave at all (a stage deployed without a sender records reminders unsent). */
export const mailConfigured = () => Boolean(process.env.OUTBOX_DIR || process.env.MAIL_FROM);

/** Sends one message; answers the message id (SES) or the outbox file's path. */
export async function sendMail(mail: Mail, tag = 'message'): Promise<string> {
  const outbox = process.env.OUTBOX_DIR;
  if (outbox) {
    mkdirSync(outbox, { recursive: true });
    const at = new Date();
    const path = join(outbox, outboxName(mail, at, tag));
    const headers = [
      `To: ${mail.to.join(', ')}`,
      `Subject: ${mail.subject}`,
      `Date: ${at.toISOString()}`,
      'Content-Type: text/plain; charset=utf-8',
    ];
    writeFileSync(path, `${headers.join('\n')}\n\n${mail.text}`, 'utf8');
    return path;
  }
  const from = process.env.MAIL_FROM;
  if (!from) throw new Error('MAIL_FROM is not set (and no OUTBOX_DIR): nowhere to send mail from');
  // SES v2 SendEmail (REST JSON, signing name `ses`).
  const out = await awsJson<{ MessageId?: string }>({
    service: 'email',
    signingName: 'ses',
    path: '/v2/email/outbound-emails',
    body: {
      FromEmailAddress: from,
      Destination: { ToAddresses: [...mail.to] },
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
        },
      },
    },
  });
  return out.MessageId ?? '';
}
