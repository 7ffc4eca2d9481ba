/**
 * Assessments: a header (state, version), one item per written leaf and the evidence records, all
 * in one partition so that one Query reads the whole assessment. Every change is one transaction
 * with its audit event and a check of the header's state.
 */
import type { AssessmentState } from '../domain/assessment-workflow.ts';
import type { EvidenceInfo, StoredItem } from '../domain/assessment.ts';
import type { Caller } from '../domain/roles.ts';
import { auditEvent, auditPut } from './audit.ts';
import { tableName } from './clients.ts';
import { transactWrite, versionedPut } from './transactions.ts';
import { isConditionalFailure, StateConflict, VersionConflict } from './errors.ts';
import { assessmentKeys } from './keys.ts';
import { queryAll } from './query.ts';

export interface AssessmentRef {
  year: number;
  unitId: string;
  unitType: string;
  frameworkId: string;
  /** Kept on the header so a district's worklist can pick its communes. */
  parentId?: string;
}

export interface AssessmentHeader {
  state: AssessmentState;
  version: number;
  submittedAt?: string;
  /** Appraisal round: 1 until the first explanation is submitted, then 2, 3, ... */
  round?: number;
  /** Leaves with an appraised score (worklist progress without reading the items). */
  appraisedCodes?: Set<string>;
  lastReturn?: { message: string; by: string; at: string };
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
  const rows = await queryAll({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': assessmentKeys.partition(year, unitId) },
  });
  for (const raw of rows) {
    const { pk: _pk, sk, gsi1pk: _g1, gsi1sk: _g2, entity: _e, ...item } = raw;
    if (sk === 'META') loaded.header = item as unknown as AssessmentHeader;
    else if (typeof sk === 'string' && sk.startsWith('ITEM#')) loaded.items.set(item.code as string, item as unknown as StoredItem);
    else if (typeof sk === 'string' && sk.startsWith('EVIDENCE#'))
      loaded.evidence.set(item.evidenceId as string, item as unknown as EvidenceRecord);
  }
  return loaded;
}

/**
 * The header's part in a transaction: create it (draft) on the assessment's first change, or check
 * that it is still in one of `states`. Either way a concurrent state change makes the whole
 * transaction fail.
 */
function headerGuard(
  ref: AssessmentRef,
  header: AssessmentHeader | undefined,
  states: readonly AssessmentState[],
  appraised: readonly string[] = [],
) {
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
          ...(ref.parentId ? { parentId: ref.parentId } : {}),
          ...fresh,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }
  const check = {
    TableName: tableName(),
    Key: assessmentKeys.header(ref.year, ref.unitId),
    ConditionExpression: `#state IN (${states.map((_, i) => `:s${i}`).join(', ')}) AND version = :hv`,
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: {
      ...(Object.fromEntries(states.map((s, i) => [`:s${i}`, s])) as Record<string, unknown>),
      ':hv': header.version,
    },
  };
  if (appraised.length === 0) return { ConditionCheck: check };
  // Appraisals also record which leaves are done, for worklist progress.
  return {
    Update: {
      ...check,
      UpdateExpression: 'ADD appraisedCodes :codes',
      ExpressionAttributeValues: { ...check.ExpressionAttributeValues, ':codes': new Set(appraised) },
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

export interface ItemChange {
  after: StoredItem;
  action: string;
  reason?: string;
}

function itemWrites(caller: Caller, ref: AssessmentRef, loaded: LoadedAssessment, change: ItemChange) {
  const { after } = change;
  const before = loaded.items.get(after.code);
  const { code: _c, version: _v, ...beforeFields } = before ?? { code: after.code, version: 0 };
  const { code: _c2, version: _v2, ...afterFields } = after;
  return [
    versionedPut({ ...assessmentKeys.item(ref.year, ref.unitId, after.code), entity: 'assessment-item', ...after }, before?.version),
    auditPut(
      auditEvent(caller, assessmentKeys.auditSubject(ref.year, ref.unitId), change.action, {
        target: after.code,
        before: before ? beforeFields : undefined,
        after: afterFields,
        reason: change.reason,
      }),
    ),
  ];
}

/**
 * Writes leaf items with their audit events, the header guarding the state. Up to 45 leaves go in
 * one transaction (DynamoDB allows 100 actions: two per leaf plus the header).
 */
export async function saveItems(
  caller: Caller,
  ref: AssessmentRef,
  loaded: LoadedAssessment,
  states: readonly AssessmentState[],
  changes: readonly ItemChange[],
  options: { markAppraised?: boolean } = {},
): Promise<StoredItem[]> {
  for (let i = 0; i < changes.length; i += 45) {
    const chunk = changes.slice(i, i + 45);
    const appraised = options.markAppraised ? chunk.map((c) => c.after.code) : [];
    try {
      await transactWrite([
        headerGuard(ref, loaded.header, states, appraised),
        ...chunk.flatMap((c) => itemWrites(caller, ref, loaded, c)),
      ]);
    } catch (error) {
      if (isConditionalFailure(error)) {
        const first = chunk[0]!.after.code;
        throw await explainFailure(
          ref,
          `item ${first}`,
          chunk.length === 1 ? { itemCode: first, itemVersion: loaded.items.get(first)?.version } : {},
        );
      }
      throw error;
    }
  }
  return changes.map((c) => c.after);
}

export async function saveItem(
  caller: Caller,
  ref: AssessmentRef,
  loaded: LoadedAssessment,
  states: readonly AssessmentState[],
  after: StoredItem,
  action: string,
  options: { reason?: string; markAppraised?: boolean } = {},
): Promise<StoredItem> {
  await saveItems(caller, ref, loaded, states, [{ after, action, reason: options.reason }], options);
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
          UpdateExpression: `SET ${Object.keys(sets)
            .map((k, i) => `#f${i} = :f${i}`)
            .join(', ')}`,
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
export async function addEvidence(
  caller: Caller,
  ref: AssessmentRef,
  loaded: LoadedAssessment,
  states: readonly AssessmentState[],
  record: EvidenceRecord,
) {
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

export interface AssessmentSummary extends AssessmentHeader {
  unitId: string;
  unitType: string;
  parentId?: string;
  frameworkId: string;
}

/** A cycle's assessments of one unit type (optionally one state), from the index: never a scan. */
export async function listAssessments(year: number, unitType: string, state?: string, parentId?: string): Promise<AssessmentSummary[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
    ...(parentId ? { FilterExpression: 'parentId = :parent' } : {}),
    ExpressionAttributeValues: {
      ':pk': assessmentKeys.headerIndex(year, unitType, '', '').gsi1pk,
      ':prefix': state ? `${unitType}#${state}#` : `${unitType}#`,
      ...(parentId ? { ':parent': parentId } : {}),
    },
  });
  return items as unknown as AssessmentSummary[];
}
