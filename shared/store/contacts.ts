/**
 * Who can be reached by e-mail: in the cloud the users of the Cognito user pool (`USER_POOL_ID`),
 * by group (`unit`, `appraiser`) and scope claims (`custom:unitId`, `custom:district`); locally a
 * small seeded contact list (`CONTACTS_FILE`, JSON). Read once per process run of a task.
 */
import { readFileSync } from 'node:fs';
import type { ListUsersInGroupResponse, UserType } from '@aws-sdk/client-cognito-identity-provider';
import { awsJson } from './aws/json-call.ts';
import type { ReminderAudience } from '../domain/reminders.ts';

export interface Contact {
  email: string;
  name?: string;
  role: 'unit' | 'appraiser';
  unitId?: string;
  district?: string;
}

function contactOf(user: UserType, role: Contact['role']): Contact | undefined {
  const attrs = new Map((user.Attributes ?? []).map((a) => [a.Name, a.Value]));
  const email = attrs.get('email');
  // Disabled users and unverified addresses get no mail.
  if (!email || user.Enabled === false || attrs.get('email_verified') === 'false') return undefined;
  return { email, name: attrs.get('name'), role, unitId: attrs.get('custom:unitId'), district: attrs.get('custom:district') };
}

/** ListUsers cannot filter on custom attributes, so each group is listed whole (a province has a few hundred users). */
async function groupMembers(userPoolId: string, role: Contact['role']): Promise<Contact[]> {
  const contacts: Contact[] = [];
  let NextToken: string | undefined;
  do {
    const page = await awsJson<ListUsersInGroupResponse>({
      service: 'cognito-idp',
      target: 'AWSCognitoIdentityProviderService.ListUsersInGroup',
      jsonVersion: '1.1',
      body: { UserPoolId: userPoolId, GroupName: role, NextToken, Limit: 60 },
    });
    for (const user of page.Users ?? []) {
      const contact = contactOf(user, role);
      if (contact) contacts.push(contact);
    }
    NextToken = page.NextToken;
  } while (NextToken);
  return contacts;
}

export async function listContacts(): Promise<Contact[]> {
  const userPoolId = process.env.USER_POOL_ID;
  if (userPoolId) return [...(await groupMembers(userPoolId, 'unit')), ...(await groupMembers(userPoolId, 'appraiser'))];
  const file = process.env.CONTACTS_FILE;
  if (!file) return [];
  return JSON.parse(readFileSync(file, 'utf8')) as Contact[];
}

/** The contacts a reminder's audience reaches: a unit's users, or a district's (or the province's) appraisers. */
export function contactsOf(contacts: readonly Contact[], audience: ReminderAudience): Contact[] {
  if (audience.role === 'unit') return contacts.filter((c) => c.role === 'unit' && c.unitId === audience.unitId);
  return contacts.filter((c) => c.role === 'appraiser' && (c.district ?? undefined) === audience.district);
}
