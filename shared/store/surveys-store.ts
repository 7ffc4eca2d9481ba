/**
 * Survey definitions: one item per (cycle, survey) under `keys.survey`, attribute `definition`
 * (the seed writes the reference files there). Replacing one is optimistic-locked and audited.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Caller } from '../domain/roles.ts';
import type { UnitType } from '../schemas/framework.ts';
import type { SurveyDefinitionInput } from '../schemas/survey-definition.ts';
import { auditEvent, auditPut } from './audit.ts';
import { dynamo, tableName } from './clients.ts';
import { isConditionalFailure, VersionConflict } from './errors.ts';
import { keys, surveyKeys } from './keys.ts';
import { transactWrite, versionedPut } from './transactions.ts';

export interface StoredSurvey {
  year: number;
  surveyId: string;
  /** The raw stored definition: checked by the caller against the schema (seeded items predate the route). */
  definition: unknown;
  unitType?: UnitType;
  frameworkId?: string;
  version: number;
}

export async function getSurvey(year: number, surveyId: string): Promise<StoredSurvey | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: keys.survey(year, surveyId), ConsistentRead: true }));
  if (!out.Item) return undefined;
  const item = out.Item;
  return {
    year,
    surveyId,
    definition: item.definition,
    ...(item.unitType ? { unitType: item.unitType as UnitType } : {}),
    ...(item.frameworkId ? { frameworkId: item.frameworkId as string } : {}),
    version: (item.version as number | undefined) ?? 1,
  };
}

export const auditSubject = (year: number, surveyId: string) => `SURVEY#${year}#${surveyId}`;

export async function saveSurvey(
  caller: Caller,
  next: { year: number; surveyId: string; unitType: UnitType; frameworkId: string; definition: SurveyDefinitionInput },
  current: StoredSurvey | undefined,
): Promise<StoredSurvey> {
  const version = (current?.version ?? 0) + 1;
  const item = { ...keys.survey(next.year, next.surveyId), entity: 'survey', ...next, version };
  try {
    await transactWrite([
      versionedPut(item, current?.version),
      auditPut(
        auditEvent(caller, auditSubject(next.year, next.surveyId), current ? 'survey.replaced' : 'survey.created', {
          target: next.surveyId,
          before: current ? { version: current.version } : undefined,
          after: { version, unitType: next.unitType, frameworkId: next.frameworkId, questions: next.definition.questions.length },
        }),
      ),
    ]);
  } catch (error) {
    if (isConditionalFailure(error))
      throw new VersionConflict(`survey ${next.surveyId}`, (await getSurvey(next.year, next.surveyId)) ?? null);
    throw error;
  }
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
      ExpressionAttributeValues: { ':pk': surveyKeys.tallyPartition(year, surveyId) },
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
      ExpressionAttributeValues: { ':pk': keys.cycle(year).pk, ':prefix': surveyKeys.importPrefix(surveyId), ':running': 'running' },
    }),
  );
  return (imports.Items ?? []).length > 0;
}
