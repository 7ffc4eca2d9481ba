/**
 * Invitation codes (shared/store/entities/invitation.ts). Spending one is a transaction: the code
 * item moves to used (condition: not used yet, same survey) and the answers are added to the
 * online counts, so a code answers exactly once even when two submissions race.
 */
import { GetCommand } from './dynamo/commands.ts';
import type { Caller } from '../domain/roles.ts';
import { auditEvent, auditPut } from './audit.ts';
import { dynamo, tableName } from './clients.ts';
import { invitationFromItem, invitationKey, invitationToItem, type Invitation, type InvitationBinding } from './entities/invitation.ts';
import { surveyAuditSubject } from './entities/survey.ts';
import { StateConflict } from './errors.ts';
import { addOnlineCounts } from './survey-respondents-store.ts';
import { transact, transactWrite } from './transactions.ts';

export type { Invitation, InvitationBinding };

export async function createInvitations(caller: Caller, binding: InvitationBinding, codeHashes: readonly string[]): Promise<void> {
  const createdAt = new Date().toISOString();
  await transactWrite([
    ...codeHashes.map((hash) => ({
      Put: {
        TableName: tableName(),
        Item: invitationToItem(hash, binding, createdAt, caller.username),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    })),
    auditPut(
      auditEvent(caller, surveyAuditSubject(binding.year, binding.surveyId), 'survey.invitations.created', {
        target: `${binding.unitId}/${binding.group}`,
        after: { count: codeHashes.length, unitId: binding.unitId, group: binding.group },
      }),
    ),
  ]);
}

export async function getInvitation(codeHash: string): Promise<Invitation | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: invitationKey(codeHash), ConsistentRead: true }));
  return out.Item ? invitationFromItem(out.Item) : undefined;
}

/** Records the response and spends the code; INVITATION_USED when the code was used meanwhile. */
export async function spendInvitation(
  codeHash: string,
  invitation: Invitation,
  answers: Record<string, string>,
  countNames: readonly string[],
): Promise<void> {
  await transact(
    [
      {
        Update: {
          TableName: tableName(),
          Key: invitationKey(codeHash),
          UpdateExpression: 'SET usedAt = :now, answers = :answers',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedAt) AND surveyId = :sid',
          ExpressionAttributeValues: { ':now': new Date().toISOString(), ':answers': answers, ':sid': invitation.surveyId },
        },
      },
      addOnlineCounts(invitation.year, invitation.surveyId, invitation.unitId, invitation.group, countNames),
    ],
    () => new StateConflict('this invitation code has already been used', {}, 'INVITATION_USED'),
  );
}
