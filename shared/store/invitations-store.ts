/**
 * Invitation codes: one item per code, keyed by the code's hash, bound to a survey, unit and
 * group. Spending one is a transaction: the code item moves to used (condition: not used yet,
 * same survey) and the answers are added to the online counts, so a code answers exactly once
 * even when two submissions race.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Caller } from '../domain/roles.ts';
import { auditEvent, auditPut } from './audit.ts';
import { dynamo, tableName } from './clients.ts';
import { isConditionalFailure, StateConflict } from './errors.ts';
import { surveyKeys } from './keys.ts';
import { auditSubject } from './surveys-store.ts';
import { addOnlineCounts } from './survey-respondents-store.ts';
import { transactWrite } from './transactions.ts';

export interface Invitation {
  year: number;
  surveyId: string;
  unitId: string;
  group: string;
  createdAt: string;
  usedAt?: string;
}

export async function createInvitations(
  caller: Caller,
  binding: { year: number; surveyId: string; unitId: string; group: string },
  codeHashes: readonly string[],
): Promise<void> {
  const createdAt = new Date().toISOString();
  await transactWrite([
    ...codeHashes.map((hash) => ({
      Put: {
        TableName: tableName(),
        Item: { ...surveyKeys.invitation(hash), entity: 'survey-invitation', ...binding, createdAt, createdBy: caller.username },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    })),
    auditPut(
      auditEvent(caller, auditSubject(binding.year, binding.surveyId), 'survey.invitations.created', {
        target: `${binding.unitId}/${binding.group}`,
        after: { count: codeHashes.length, unitId: binding.unitId, group: binding.group },
      }),
    ),
  ]);
}

export async function getInvitation(codeHash: string): Promise<Invitation | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: surveyKeys.invitation(codeHash), ConsistentRead: true }));
  if (!out.Item) return undefined;
  const { year, surveyId, unitId, group, createdAt, usedAt } = out.Item as Invitation;
  return { year, surveyId, unitId, group, createdAt, ...(usedAt ? { usedAt } : {}) };
}

/** Records the response and spends the code; StateConflict when the code was used meanwhile. */
export async function spendInvitation(
  codeHash: string,
  invitation: Invitation,
  answers: Record<string, string>,
  countNames: readonly string[],
): Promise<void> {
  try {
    await transactWrite([
      {
        Update: {
          TableName: tableName(),
          Key: surveyKeys.invitation(codeHash),
          UpdateExpression: 'SET usedAt = :now, answers = :answers',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedAt) AND surveyId = :sid',
          ExpressionAttributeValues: { ':now': new Date().toISOString(), ':answers': answers, ':sid': invitation.surveyId },
        },
      },
      addOnlineCounts(invitation.year, invitation.surveyId, invitation.unitId, invitation.group, countNames),
    ]);
  } catch (error) {
    if (isConditionalFailure(error)) throw new StateConflict('this invitation code has already been used', {}, 'INVITATION_USED');
    throw error;
  }
}
