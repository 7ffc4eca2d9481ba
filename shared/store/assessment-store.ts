/**
 * Assessments: a header (state, version), one item per written leaf and the evidence records, all
 * in one partition so that one Query reads the whole assessment. Every change is one transaction
 * with its audit event and a check of the header's state; item versions are the store's condition.
 */
import type { AssessmentState } from '../domain/assessment-workflow.ts';
import type { StoredItem } from '../domain/assessment.ts';
import type { Caller } from '../domain/roles.ts';
import { auditEvent, auditPut } from './audit.ts';
import { tableName } from './clients.ts';
import {
  assessmentAuditSubject,
  assessmentPartition,
  headerFromItem,
  headerIndex,
  headerKey,
  isHeaderItem,
  newHeaderItem,
  type AssessmentHeader,
  type AssessmentSummary,
  type HeaderRef,
} from './entities/assessment-header.ts';
import { isItemItem, itemFromItem, itemToItem } from './entities/assessment-item.ts';
import { evidenceFromItem, evidenceKey, evidenceToItem, isEvidenceItem, type EvidenceRecord } from './entities/evidence.ts';
import { StateConflict, VersionConflict } from './errors.ts';
import { queryAll } from './query.ts';
import { transact, versionedPut } from './transactions.ts';

export type { AssessmentHeader, AssessmentSummary, EvidenceRecord };
export type AssessmentRef = HeaderRef;

export interface LoadedAssessment {
  header?: AssessmentHeader;
  items: Map<string, StoredItem>;
  evidence: Map<string, EvidenceRecord>;
}

export async function loadAssessment(year: number, unitId: string): Promise<LoadedAssessment> {
  const loaded: LoadedAssessment = { items: new Map(), evidence: new Map() };
  const rows = await queryAll({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': assessmentPartition(year, unitId) },
  });
  for (const raw of rows) {
    if (isHeaderItem(raw)) loaded.header = headerFromItem(raw);
    else if (isItemItem(raw)) {
      const item = itemFromItem(raw);
      loaded.items.set(item.code, item);
    } else if (isEvidenceItem(raw)) {
      const record = evidenceFromItem(raw);
      loaded.evidence.set(record.evidenceId, record);
    }
  }
  return loaded;
}

function stateCondition(states: readonly AssessmentState[], version: number) {
  return {
    ConditionExpression: `#state IN (${states.map((_, i) => `:s${i}`).join(', ')}) AND version = :hv`,
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: { ...(Object.fromEntries(states.map((s, i) => [`:s${i}`, s])) as Record<string, unknown>), ':hv': version },
  };
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
  if (!header) return { Put: { TableName: tableName(), Item: newHeaderItem(ref), ConditionExpression: 'attribute_not_exists(pk)' } };
  const check = { TableName: tableName(), Key: headerKey(ref.year, ref.unitId), ...stateCondition(states, header.version) };
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

/** Reads back what changed: the item's version when one leaf was written against a version, else the state. */
async function explainFailure(ref: AssessmentRef, what: string, expected: { itemCode?: string; itemVersion?: number }): Promise<Error> {
  const now = await loadAssessment(ref.year, ref.unitId);
  if (expected.itemCode !== undefined) {
    const current = now.items.get(expected.itemCode);
    if ((current?.version ?? 0) !== (expected.itemVersion ?? 0)) return new VersionConflict(what, current ?? null);
  }
  const state = now.header?.state ?? 'draft';
  return new StateConflict(`the assessment changed meanwhile (now "${state}"); reload and retry`, { state });
}

export interface ItemChange {
  after: StoredItem;
  action: string;
  reason?: string;
  /** The version the caller read; the write is conditional on it (default: the version loaded). */
  expectedVersion?: number;
}

function itemWrites(caller: Caller, ref: AssessmentRef, loaded: LoadedAssessment, change: ItemChange) {
  const { after } = change;
  const before = loaded.items.get(after.code);
  const { code: _c, version: _v, ...beforeFields } = before ?? { code: after.code, version: 0 };
  const { code: _c2, version: _v2, ...afterFields } = after;
  const readVersion = change.expectedVersion ?? before?.version;
  return [
    versionedPut(itemToItem(ref.year, ref.unitId, after), readVersion === 0 ? undefined : readVersion),
    auditPut(
      auditEvent(caller, assessmentAuditSubject(ref.year, ref.unitId), change.action, {
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
    const first = chunk[0]!;
    const expected =
      chunk.length === 1
        ? { itemCode: first.after.code, itemVersion: first.expectedVersion ?? loaded.items.get(first.after.code)?.version }
        : {};
    await transact([headerGuard(ref, loaded.header, states, appraised), ...chunk.flatMap((c) => itemWrites(caller, ref, loaded, c))], () =>
      explainFailure(ref, `item ${first.after.code}`, expected),
    );
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
  options: { reason?: string; markAppraised?: boolean; expectedVersion?: number } = {},
): Promise<StoredItem> {
  await saveItems(
    caller,
    ref,
    loaded,
    states,
    [{ after, action, reason: options.reason, expectedVersion: options.expectedVersion }],
    options,
  );
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
  const sets = { ...extra.set, state: to, version: next.version, gsi1sk: headerIndex(ref.year, ref.unitType, to, ref.unitId).gsi1sk };
  const names = Object.keys(sets);
  const condition = stateCondition(from, header.version);
  await transact(
    [
      {
        Update: {
          TableName: tableName(),
          Key: headerKey(ref.year, ref.unitId),
          UpdateExpression: `SET ${names.map((_, i) => `#f${i} = :f${i}`).join(', ')}`,
          ConditionExpression: condition.ConditionExpression,
          ExpressionAttributeNames: { ...condition.ExpressionAttributeNames, ...Object.fromEntries(names.map((k, i) => [`#f${i}`, k])) },
          ExpressionAttributeValues: {
            ...condition.ExpressionAttributeValues,
            ...Object.fromEntries(Object.values(sets).map((v, i) => [`:f${i}`, v])),
          },
        },
      },
      auditPut(
        auditEvent(caller, assessmentAuditSubject(ref.year, ref.unitId), action, {
          before: { state: header.state, version: header.version },
          after: { state: to, version: next.version },
          reason: extra.reason,
        }),
      ),
    ],
    () => explainFailure(ref, 'assessment', {}),
  );
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
  await transact(
    [
      headerGuard(ref, loaded.header, states),
      {
        Put: {
          TableName: tableName(),
          Item: evidenceToItem(ref.year, ref.unitId, record),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      auditPut(
        auditEvent(caller, assessmentAuditSubject(ref.year, ref.unitId), 'evidence.created', {
          target: record.evidenceId,
          after: { fileName: record.fileName, contentType: record.contentType, size: record.size, sha256: record.sha256 },
        }),
      ),
    ],
    () => explainFailure(ref, 'evidence', {}),
  );
}

/**
 * Marks an evidence record confirmed once its stored object matched the declaration, while the
 * assessment is still in one of `states` (evidence is frozen with the submission).
 */
export async function confirmEvidence(
  caller: Caller,
  ref: AssessmentRef,
  loaded: LoadedAssessment,
  states: readonly AssessmentState[],
  record: EvidenceRecord,
  confirmedAt: string,
): Promise<EvidenceRecord> {
  await transact(
    [
      headerGuard(ref, loaded.header, states),
      {
        Update: {
          TableName: tableName(),
          Key: evidenceKey(ref.year, ref.unitId, record.evidenceId),
          UpdateExpression: 'SET #status = :confirmed, confirmedAt = :at',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':confirmed': 'confirmed', ':pending': 'pending', ':at': confirmedAt },
        },
      },
      auditPut(
        auditEvent(caller, assessmentAuditSubject(ref.year, ref.unitId), 'evidence.confirmed', {
          target: record.evidenceId,
          before: { status: 'pending' },
          after: { status: 'confirmed', size: record.size, sha256: record.sha256 },
        }),
      ),
    ],
    async () => {
      const now = await loadAssessment(ref.year, ref.unitId);
      if (now.evidence.get(record.evidenceId)?.status === 'confirmed')
        return new StateConflict(`evidence ${record.evidenceId} is already confirmed`);
      return explainFailure(ref, 'evidence', {});
    },
  );
  return { ...record, status: 'confirmed', confirmedAt };
}

/** A cycle's assessments of one unit type (optionally one state), from the index: never a scan. */
export async function listAssessments(year: number, unitType: string, state?: string, parentId?: string): Promise<AssessmentSummary[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
    ...(parentId ? { FilterExpression: 'parentId = :parent' } : {}),
    ExpressionAttributeValues: {
      ':pk': headerIndex(year, unitType, '', '').gsi1pk,
      ':prefix': state ? `${unitType}#${state}#` : `${unitType}#`,
      ...(parentId ? { ':parent': parentId } : {}),
    },
  });
  return items.map(headerFromItem);
}
