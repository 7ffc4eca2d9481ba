/**
 * Assessments: a header (state, version), one item per written leaf and the evidence records, all
 * in one partition so that one Query reads the whole assessment. Every change is one transaction
 * with its audit event and a check of the header's state.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AssessmentState } from '../domain/assessment-workflow.ts';
import type { EvidenceInfo, StoredItem } from '../domain/assessment.ts';
import type { Caller } from '../domain/roles.ts';
import { auditEvent, auditPut } from './audit.ts';
import { dynamo, tableName } from './clients.ts';
import { transactWrite } from './transactions.ts';
import { isConditionalFailure, StateConflict, VersionConflict } from './errors.ts';
import { assessmentKeys } from './keys.ts';

export interface AssessmentRef {
  year: number;
  unitId: string;
  unitType: string;
  frameworkId: string;
}

export interface AssessmentHeader {
  state: AssessmentState;
  version: number;
  submittedAt?: string;
}

export interface EvidenceRecord extends EvidenceInfo {
  contentType: string;
  size: number;
  sha256: string;
  objectKey: string;
  createdAt: string;
  createdBy: string;
  confirmedAt?: string;
}

export interface LoadedAssessment {
  header?: AssessmentHeader;
  items: Map<string, StoredItem>;
  evidence: Map<string, EvidenceRecord>;
}

export async function loadAssessment(year: number, unitId: string): Promise<LoadedAssessment> {
  const loaded: LoadedAssessment = { items: new Map(), evidence: new Map() };
  let start: Record<string, unknown> | undefined;
  do {
    const out = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': assessmentKeys.partition(year, unitId) },
        ExclusiveStartKey: start,
      }),
    );
    for (const raw of out.Items ?? []) {
      const { pk: _pk, sk, gsi1pk: _g1, gsi1sk: _g2, entity: _e, ...item } = raw;
      if (sk === 'META') loaded.header = item as AssessmentHeader;
      else if (typeof sk === 'string' && sk.startsWith('ITEM#')) loaded.items.set(item.code as string, item as StoredItem);
      else if (typeof sk === 'string' && sk.startsWith('EVIDENCE#')) loaded.evidence.set(item.evidenceId as string, item as EvidenceRecord);
    }
    start = out.LastEvaluatedKey;
  } while (start);
  return loaded;
}

/**
 * The header's part in a transaction: create it (draft) on the assessment's first change, or check
 * that it is still in one of `states`. Either way a concurrent state change makes the whole
 * transaction fail.
 */
function headerGuard(ref: AssessmentRef, header: AssessmentHeader | undefined, states: readonly AssessmentState[]) {
  if (!header) {
    const fresh = { state: 'draft' as const, version: 1 };
    return {
      Put: {
        TableName: tableName(),
        Item: {
          ...assessmentKeys.header(ref.year, ref.unitId),
          ...assessmentKeys.headerIndex(ref.year, ref.unitType, fresh.state, ref.unitId),
          entity: 'assessment',
          year: ref.year,
          unitId: ref.unitId,
          unitType: ref.unitType,
          frameworkId: ref.frameworkId,
          ...fresh,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }
  return {
    ConditionCheck: {
      TableName: tableName(),
      Key: assessmentKeys.header(ref.year, ref.unitId),
      ConditionExpression: `#state IN (${states.map((_, i) => `:s${i}`).join(', ')}) AND version = :hv`,
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ...Object.fromEntries(states.map((s, i) => [`:s${i}`, s])), ':hv': header.version },
    },
  };
}

async function explainFailure(ref: AssessmentRef, what: string, expected: { itemCode?: string; itemVersion?: number }): Promise<Error> {
  const now = await loadAssessment(ref.year, ref.unitId);
  if (expected.itemCode !== undefined) {
    const current = now.items.get(expected.itemCode);
    if ((current?.version ?? 0) !== (expected.itemVersion ?? 0)) return new VersionConflict(what, current ?? null);
  }
  return new StateConflict(`the assessment changed meanwhile (now "${now.header?.state ?? 'draft'}"); reload and retry`, {
    state: now.header?.state ?? 'draft',
  });
}

export async function saveItem(
  caller: Caller,
  ref: AssessmentRef,
  loaded: LoadedAssessment,
  states: readonly AssessmentState[],
  after: StoredItem,
  action: string,
  reason?: string,
): Promise<StoredItem> {
  const before = loaded.items.get(after.code);
  const { code: _c, version: _v, ...beforeFields } = before ?? { code: after.code, version: 0 };
  const { code: _c2, version: _v2, ...afterFields } = after;
  try {
    await transactWrite([
          headerGuard(ref, loaded.header, states),
          {
            Put: {
              TableName: tableName(),
              Item: { ...assessmentKeys.item(ref.year, ref.unitId, after.code), entity: 'assessment-item', ...after },
              ConditionExpression: before ? 'version = :v' : 'attribute_not_exists(pk)',
              ExpressionAttributeValues: before ? { ':v': before.version } : undefined,
            },
          },
          auditPut(
            auditEvent(caller, assessmentKeys.auditSubject(ref.year, ref.unitId), action, {
              target: after.code,
              before: before ? beforeFields : undefined,
              after: afterFields,
              reason,
            }),
          ),
        ]);
  } catch (error) {
    if (isConditionalFailure(error)) throw await explainFailure(ref, `item ${after.code}`, { itemCode: after.code, itemVersion: before?.version });
    throw error;
  }
  return after;
}

/** Moves the header from one of `from` to `to`, with its audit event. */
export async function transition(
  caller: Caller,
  ref: AssessmentRef,
  header: AssessmentHeader,
  from: readonly AssessmentState[],
  to: AssessmentState,
  action: string,
  extra: { reason?: string; set?: Record<string, unknown> } = {},
): Promise<AssessmentHeader> {
  const next = { ...header, ...extra.set, state: to, version: header.version + 1 };
  const index = assessmentKeys.headerIndex(ref.year, ref.unitType, to, ref.unitId);
  const sets = { ...extra.set, state: to, version: next.version, gsi1sk: index.gsi1sk };
  try {
    await transactWrite([
          {
            Update: {
              TableName: tableName(),
              Key: assessmentKeys.header(ref.year, ref.unitId),
              UpdateExpression: `SET ${Object.keys(sets).map((k, i) => `#f${i} = :f${i}`).join(', ')}`,
              ConditionExpression: `version = :v AND #state IN (${from.map((_, i) => `:s${i}`).join(', ')})`,
              ExpressionAttributeNames: { '#state': 'state', ...Object.fromEntries(Object.keys(sets).map((k, i) => [`#f${i}`, k])) },
              ExpressionAttributeValues: {
                ':v': header.version,
                ...Object.fromEntries(from.map((s, i) => [`:s${i}`, s])),
                ...Object.fromEntries(Object.values(sets).map((v, i) => [`:f${i}`, v])),
              },
            },
          },
          auditPut(
            auditEvent(caller, assessmentKeys.auditSubject(ref.year, ref.unitId), action, {
              before: { state: header.state, version: header.version },
              after: { state: to, version: next.version },
              reason: extra.reason,
            }),
          ),
        ]);
  } catch (error) {
    if (isConditionalFailure(error)) throw await explainFailure(ref, 'assessment', {});
    throw error;
  }
  return next;
}

/** Records a new evidence document (pending until its upload is confirmed). */
export async function addEvidence(caller: Caller, ref: AssessmentRef, loaded: LoadedAssessment, states: readonly AssessmentState[], record: EvidenceRecord) {
  try {
    await transactWrite([
          headerGuard(ref, loaded.header, states),
          {
            Put: {
              TableName: tableName(),
              Item: { ...assessmentKeys.evidence(ref.year, ref.unitId, record.evidenceId), entity: 'evidence', ...record },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          auditPut(
            auditEvent(caller, assessmentKeys.auditSubject(ref.year, ref.unitId), 'evidence.created', {
              target: record.evidenceId,
              after: { fileName: record.fileName, contentType: record.contentType, size: record.size, sha256: record.sha256 },
            }),
          ),
        ]);
  } catch (error) {
    if (isConditionalFailure(error)) throw await explainFailure(ref, 'evidence', {});
    throw error;
  }
}

/** Marks an evidence record confirmed once its stored object matched the declared size and checksum. */
export async function confirmEvidence(caller: Caller, ref: AssessmentRef, record: EvidenceRecord, confirmedAt: string) {
  try {
    await transactWrite([
          {
            Update: {
              TableName: tableName(),
              Key: assessmentKeys.evidence(ref.year, ref.unitId, record.evidenceId),
              UpdateExpression: 'SET #status = :confirmed, confirmedAt = :at',
              ConditionExpression: '#status = :pending',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':confirmed': 'confirmed', ':pending': 'pending', ':at': confirmedAt },
            },
          },
          auditPut(
            auditEvent(caller, assessmentKeys.auditSubject(ref.year, ref.unitId), 'evidence.confirmed', {
              target: record.evidenceId,
              before: { status: 'pending' },
              after: { status: 'confirmed', size: record.size, sha256: record.sha256 },
            }),
          ),
        ]);
  } catch (error) {
    if (isConditionalFailure(error)) throw new StateConflict(`evidence ${record.evidenceId} is already confirmed`);
    throw error;
  }
  return { ...record, status: 'confirmed' as const, confirmedAt };
}
