/**
 * Survey definitions (shared/store/entities/survey.ts). Replacing one is optimistic-locked on the
 * version the caller read and audited in the same transaction.
 */
import { GetCommand, QueryCommand } from './dynamo/commands.ts';
import type { Caller } from '../domain/roles.ts';
import type { UnitType } from '../schemas/files/framework.ts';
import type { SurveyDefinitionInput } from '../schemas/files/survey-definition.ts';
import { auditEvent, auditPut } from './audit.ts';
import { dynamo, tableName } from './clients.ts';
import { importKeys } from './entities/survey-import.ts';
import { respondentKeys } from './entities/respondent.ts';
import { surveyAuditSubject, surveyFromItem, surveyKey, surveyToItem, type StoredSurvey } from './entities/survey.ts';
import { VersionConflict } from './errors.ts';
import { transact, versionedPut } from './transactions.ts';

export type { StoredSurvey };
export const auditSubject = surveyAuditSubject;

export async function getSurvey(year: number, surveyId: string): Promise<StoredSurvey | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: surveyKey(year, surveyId), ConsistentRead: true }));
  return out.Item ? surveyFromItem(year, surveyId, out.Item) : undefined;
}

export interface SurveyFields {
  year: number;
  surveyId: string;
  unitType: UnitType;
  frameworkId: string;
  definition: SurveyDefinitionInput;
}

/**
 * Creates (`readVersion` undefined: only if absent) or replaces (only while the stored version is
 * still `readVersion`) the definition; VersionConflict with the stored one otherwise.
 */
export async function saveSurvey(caller: Caller, next: SurveyFields, readVersion: number | undefined): Promise<StoredSurvey> {
  const version = (readVersion ?? 0) + 1;
  await transact(
    [
      versionedPut(surveyToItem({ ...next, version }), readVersion),
      auditPut(
        auditEvent(caller, surveyAuditSubject(next.year, next.surveyId), readVersion ? 'survey.replaced' : 'survey.created', {
          target: next.surveyId,
          before: readVersion ? { version: readVersion } : undefined,
          after: { version, unitType: next.unitType, frameworkId: next.frameworkId, questions: next.definition.questions.length },
        }),
      ),
    ],
    async () => new VersionConflict(`survey ${next.surveyId}`, (await getSurvey(next.year, next.surveyId)) ?? null),
  );
  return { ...next, version };
}

/**
 * Whether answers exist: online or finished imports leave answer counts, a running import leaves
 * respondents before its counts. Either makes removals from the definition unsafe.
 */
export async function hasResponses(year: number, surveyId: string): Promise<boolean> {
  const counts = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': respondentKeys.tallyPartition(year, surveyId) },
      Limit: 1,
    }),
  );
  if ((counts.Items ?? []).length > 0) return true;
  const imports = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      FilterExpression: '#s = :running',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: {
        ':pk': importKeys.cyclePartition(year),
        ':prefix': importKeys.recordPrefix(surveyId),
        ':running': 'running',
      },
    }),
  );
  return (imports.Items ?? []).length > 0;
}
