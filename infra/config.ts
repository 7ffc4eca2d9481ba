/**
 * The deployment's settings, read from CDK context (`cdk.json` or `cdk deploy -c key=value`).
 * Context values given on the command line arrive as strings, so each one is read here, once.
 */
import type { Node } from 'constructs';
import { parseReminderOffsets } from '../shared/domain/deadlines.ts';

export interface StageConfig {
  /** Stage name, part of every stack name: several stages fit in one account. */
  readonly stage: string;
  /** E-mail of the first administrator; Cognito mails a temporary password. */
  readonly adminEmail?: string;
  /** Object Lock default retention (governance mode) of published reports, in days. */
  readonly reportRetentionDays: number;
  /** True: the stage's data stores are destroyed with the stacks (dev and test stages only). */
  readonly ephemeral: boolean;
  /** Optional custom domain of the API; `certificateArn` names its certificate, else one is requested. */
  readonly domainName?: string;
  readonly certificateArn?: string;
  /** Origins allowed by the API's CORS and by browser uploads to the buckets. */
  readonly allowedOrigins: readonly string[];
  /** Cognito Plus feature plan with full threat protection (adaptive authentication; paid per user). */
  readonly threatProtection: boolean;
  /** Where alarms are e-mailed; defaults to the admin e-mail. */
  readonly alarmEmail?: string;
  /** The SES-verified sender of reminders; defaults to the admin e-mail (unset: reminders are recorded, not sent). */
  readonly mailFrom?: string;
  /** The web console's URL, linked from reminders. */
  readonly consoleUrl?: string;
  /** When reminders go out before each deadline, e.g. `7d,2d,morning` (07:00 Vietnam time on the day). */
  readonly reminderOffsets: string;
}

export const defaultConfig = {
  stage: 'dev',
  reportRetentionDays: 3650,
  ephemeral: false,
  allowedOrigins: ['*'],
  threatProtection: false,
  reminderOffsets: '7d,2d,morning',
} as const satisfies Partial<StageConfig>;

function text(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    throw new Error(`context ${key}: expected a string, got ${JSON.stringify(value)}`);
  }
  return String(value);
}

function flag(node: Node, key: string, fallback: boolean): boolean {
  const value = text(node, key);
  if (value === undefined) return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new Error(`context ${key}: expected true or false, got ${value}`);
}

function list(node: Node, key: string, fallback: readonly string[]): readonly string[] {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return fallback;
  const items = Array.isArray(value) ? value.map(String) : String(value).split(',');
  return items.map((s) => s.trim()).filter(Boolean);
}

export function readStageConfig(node: Node): StageConfig {
  const stage = text(node, 'stage') ?? defaultConfig.stage;
  if (!/^[a-z][a-z0-9-]{0,19}$/.test(stage)) {
    throw new Error(`context stage: "${stage}" must be 1-20 lower-case letters, digits or dashes, starting with a letter`);
  }
  const days = Number(text(node, 'reportRetentionDays') ?? defaultConfig.reportRetentionDays);
  if (!Number.isInteger(days) || days < 1) {
    throw new Error(`context reportRetentionDays: expected a whole number of days ≥ 1, got ${days}`);
  }
  const adminEmail = text(node, 'adminEmail');
  if (adminEmail !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(adminEmail)) {
    throw new Error(`context adminEmail: "${adminEmail}" is not an e-mail address`);
  }
  const reminderOffsets = text(node, 'reminderOffsets') ?? defaultConfig.reminderOffsets;
  if (!parseReminderOffsets(reminderOffsets)) {
    throw new Error(`context reminderOffsets: "${reminderOffsets}" must be a list such as 7d,2d,morning`);
  }
  return {
    stage,
    adminEmail,
    reportRetentionDays: days,
    ephemeral: flag(node, 'ephemeral', defaultConfig.ephemeral),
    domainName: text(node, 'domainName'),
    certificateArn: text(node, 'certificateArn'),
    allowedOrigins: list(node, 'allowedOrigins', defaultConfig.allowedOrigins),
    threatProtection: flag(node, 'threatProtection', defaultConfig.threatProtection),
    alarmEmail: text(node, 'alarmEmail') ?? adminEmail,
    mailFrom: text(node, 'mailFrom') ?? adminEmail,
    consoleUrl: text(node, 'consoleUrl'),
    reminderOffsets,
  };
}
