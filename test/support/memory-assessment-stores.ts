/**
 * The assessment port (shared/app/assessment/stores.ts) in memory, for the fast tier: the same
 * conditions the DynamoDB store puts on its writes (header state and version, item versions,
 * pending evidence), so the use cases' rules can be tested without Java.
 */
import { readFileSync } from 'node:fs';
import type { AssessmentStores, EvidenceFileStores } from '../../shared/app/assessment/stores.ts';
import type { AssessmentState } from '../../shared/domain/assessment-workflow.ts';
import type { StoredItem } from '../../shared/domain/assessment.ts';
import type { StoredObject } from '../../shared/domain/evidence.ts';
import type { Caller } from '../../shared/domain/roles.ts';
import type { Cycle } from '../../shared/schemas/domain/cycles.ts';
import type { Framework } from '../../shared/schemas/files/framework.ts';
import type { Unit } from '../../shared/schemas/domain/units.ts';
import type { AssessmentHeader, AssessmentRef, EvidenceRecord, LoadedAssessment } from '../../shared/store/assessment-store.ts';
import type { CycleUnit } from '../../shared/store/entities/cycle-unit.ts';
import { auditEvent, type AuditEvent } from '../../shared/store/audit.ts';
import { StateConflict, VersionConflict } from '../../shared/store/errors.ts';

export function framework(type: 'department' | 'district' | 'commune'): Framework {
  return JSON.parse(readFileSync(`reference/frameworks/${type}-2024.json`, 'utf8')) as Framework;
}

interface Stored {
  header?: AssessmentHeader & AssessmentRef;
  items: Map<string, StoredItem>;
  evidence: Map<string, EvidenceRecord>;
}

const copy = <T>(value: T): T => structuredClone(value);

export class MemoryAssessmentStores implements AssessmentStores, EvidenceFileStores {
  cycles = new Map<number, Cycle>();
  units = new Map<string, Unit>();
  frameworks = new Map<string, Framework>();
  assessments = new Map<string, Stored>();
  audit: AuditEvent[] = [];
  /** What an upload left in the bucket, by object key. */
  objects = new Map<string, StoredObject>();

  private stored(year: number, unitId: string): Stored {
    const key = `${year}#${unitId}`;
    let found = this.assessments.get(key);
    if (!found) this.assessments.set(key, (found = { items: new Map(), evidence: new Map() }));
    return found;
  }

  private record(caller: Caller, ref: AssessmentRef, action: string, change: Parameters<typeof auditEvent>[3]) {
    this.audit.push(auditEvent(caller, `ASSESS#${ref.year}#${ref.unitId}`, action, change));
  }

  /** The header condition of every write: created if absent, else still in `states` at the version read. */
  private guard(ref: AssessmentRef, read: AssessmentHeader | undefined, states: readonly AssessmentState[]) {
    const now = this.stored(ref.year, ref.unitId);
    if (!read) {
      if (now.header) throw new StateConflict(`the assessment changed meanwhile (now "${now.header.state}"); reload and retry`);
      return () => (now.header = { ...ref, state: 'draft', version: 1 });
    }
    if (!now.header || now.header.version !== read.version || !states.includes(now.header.state)) {
      const state = now.header?.state ?? 'draft';
      throw new StateConflict(`the assessment changed meanwhile (now "${state}"); reload and retry`, { state });
    }
    return () => undefined;
  }

  getCycle = async (year: number) => copy(this.cycles.get(year));
  getUnit = async (unitId: string) => copy(this.units.get(unitId));
  listUnits = async () => copy([...this.units.values()]);
  /** Frozen registries by year; a year without one reads the live units (a cycle opened before snapshots). */
  registries = new Map<number, CycleUnit[]>();
  getCycleRegistry = async (year: number) => copy(this.registries.get(year));
  frameworkOf = async (id: string) => this.frameworks.get(id);

  loadAssessment = async (year: number, unitId: string): Promise<LoadedAssessment> => {
    const s = this.stored(year, unitId);
    return copy({ header: s.header, items: s.items, evidence: s.evidence });
  };

  listAssessments: AssessmentStores['listAssessments'] = async (year, unitType, state, parentId) =>
    [...this.assessments.values()]
      .map((s) => s.header)
      .filter((h): h is NonNullable<typeof h> => !!h && h.year === year && h.unitType === unitType)
      .filter((h) => (!state || h.state === state) && (!parentId || h.parentId === parentId))
      .map((h) => copy(h));

  saveItems: AssessmentStores['saveItems'] = async (caller, ref, loaded, states, changes, options = {}) => {
    const s = this.stored(ref.year, ref.unitId);
    const create = this.guard(ref, loaded.header, states);
    for (const change of changes) {
      const expected = change.expectedVersion ?? loaded.items.get(change.after.code)?.version ?? 0;
      const current = s.items.get(change.after.code);
      if ((current?.version ?? 0) !== expected) throw new VersionConflict(`item ${change.after.code}`, current ?? null);
    }
    create();
    for (const change of changes) {
      const before = s.items.get(change.after.code);
      s.items.set(change.after.code, copy(change.after));
      this.record(caller, ref, change.action, { target: change.after.code, before, after: change.after, reason: change.reason });
      if (options.markAppraised) s.header!.appraisedCodes = new Set([...(s.header!.appraisedCodes ?? []), change.after.code]);
    }
    return changes.map((c) => c.after);
  };

  transition: AssessmentStores['transition'] = async (caller, ref, header, from, to, action, extra = {}) => {
    const s = this.stored(ref.year, ref.unitId);
    this.guard(ref, header, from);
    s.header = { ...s.header!, ...extra.set, state: to, version: header.version + 1 };
    this.record(caller, ref, action, { before: { state: header.state }, after: { state: to }, reason: extra.reason });
    return copy(s.header);
  };

  addEvidence: AssessmentStores['addEvidence'] = async (caller, ref, loaded, states, record) => {
    this.guard(ref, loaded.header, states)();
    this.stored(ref.year, ref.unitId).evidence.set(record.evidenceId, copy(record));
    this.record(caller, ref, 'evidence.created', { target: record.evidenceId });
  };

  confirmEvidence: AssessmentStores['confirmEvidence'] = async (caller, ref, loaded, states, record, confirmedAt) => {
    this.guard(ref, loaded.header, states);
    const s = this.stored(ref.year, ref.unitId);
    if (s.evidence.get(record.evidenceId)?.status !== 'pending')
      throw new StateConflict(`evidence ${record.evidenceId} is already confirmed`);
    const confirmed = { ...record, status: 'confirmed' as const, confirmedAt };
    s.evidence.set(record.evidenceId, confirmed);
    this.record(caller, ref, 'evidence.confirmed', { target: record.evidenceId });
    return copy(confirmed);
  };

  listAudit = async (subject: string) => this.audit.filter((e) => e.subject === subject).reverse();
  presignUpload = async (objectKey: string) => ({ url: 'memory://evidence', fields: { key: objectKey } });
  presignDownload = async (objectKey: string) => ({ url: `memory://${objectKey}`, expiresAt: new Date().toISOString() });
  inspectObject = async (objectKey: string) => copy(this.objects.get(objectKey));

  /** Everything one assessment holds, for read-backs. */
  snapshot(year: number, unitId: string) {
    const s = this.stored(year, unitId);
    return {
      header: s.header,
      items: s.items,
      evidence: s.evidence,
      audit: this.audit.filter((e) => e.subject === `ASSESS#${year}#${unitId}`),
    };
  }
}
