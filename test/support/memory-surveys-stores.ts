/**
 * The survey use cases' port over memory (test/app/surveys.test.ts): the reference cycle,
 * department framework, units and survey; the invitation spend is an atomic check-and-set like
 * the store's conditional transaction.
 */
import { readFileSync } from 'node:fs';
import { DomainError } from '../../shared/domain/errors.ts';
import type { SurveyFileStores } from '../../shared/app/surveys/file-stores.ts';
import type { SurveyStores } from '../../shared/app/surveys/stores.ts';
import type { Cycle } from '../../shared/schemas/domain/cycles.ts';
import type { Framework } from '../../shared/schemas/files/framework.ts';
import type { Unit } from '../../shared/schemas/domain/units.ts';
import type { Invitation } from '../../shared/store/entities/invitation.ts';
import type { StoredCounts } from '../../shared/store/entities/respondent.ts';
import type { ImportRecord } from '../../shared/store/entities/survey-import.ts';
import type { StoredSurvey } from '../../shared/store/entities/survey.ts';

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

export interface MemorySurveys extends SurveyStores, SurveyFileStores {
  cycles: Map<number, Cycle>;
  surveys: Map<string, StoredSurvey>;
  invitations: Map<string, Invitation & { answers?: Record<string, string> }>;
  counts: StoredCounts[];
  imports: Map<string, ImportRecord>;
  audit: string[];
}

export function memorySurveyStores(year: number): MemorySurveys {
  const reference = json('reference/cycles/2024.json');
  const cycle: Cycle = {
    ...reference,
    year,
    phase: 'open',
    version: 1,
    deadlines: { ...reference.deadlines, survey: `${year + 1}-01-20T23:59:59+07:00` },
  };
  const framework: Framework = json('reference/frameworks/department-2024.json');
  const units: Unit[] = json('reference/units/ben-tre-2024.json').units.map((u: Omit<Unit, 'version'>) => ({ ...u, version: 1 }));
  const cycles = new Map([[year, cycle]]);
  const surveys = new Map<string, StoredSurvey>();
  const invitations = new Map<string, Invitation & { answers?: Record<string, string> }>();
  const imports = new Map<string, ImportRecord>();
  const counts: StoredCounts[] = [];
  const audit: string[] = [];
  const surveyKey = (y: number, id: string) => `${y}/${id}`;
  const importKey = (r: { year: number; surveyId: string; importId: string }) => `${r.year}/${r.surveyId}/${r.importId}`;
  const stores: MemorySurveys = {
    cycles,
    surveys,
    invitations,
    counts,
    imports,
    audit,
    getCycle: async (y) => cycles.get(y),
    getFramework: async (id) => (id === framework.id ? { framework, version: 1, usedBy: [year] } : undefined),
    listUnits: async ({ type }) => units.filter((u) => !type || u.type === type),
    getSurvey: async (y, id) => surveys.get(surveyKey(y, id)),
    saveSurvey: async (_caller, next, readVersion) => {
      const current = surveys.get(surveyKey(next.year, next.surveyId));
      if (current?.version !== readVersion) throw new DomainError('VERSION_CONFLICT', 'changed', { current: current ?? null });
      const saved = { ...next, version: (readVersion ?? 0) + 1 };
      surveys.set(surveyKey(next.year, next.surveyId), saved);
      audit.push(current ? 'survey.replaced' : 'survey.created');
      return saved;
    },
    hasResponses: async (y, id) => counts.length > 0 && surveys.has(surveyKey(y, id)),
    createImport: async (_caller, fields) => {
      const record: ImportRecord = { ...fields, lines: 0, accepted: 0, duplicates: 0, rejectedCount: 0, status: 'pending', attempts: 0 };
      imports.set(importKey(fields), record);
      return record;
    },
    getImport: async (ref) => imports.get(importKey(ref)),
    listImports: async (y, id) => [...imports.values()].filter((i) => i.year === y && i.surveyId === id),
    listOpenImports: async () => [...imports.values()].filter((i) => i.status === 'pending' || i.status === 'running'),
    reopenImport: async (_caller, ref) => {
      const record = imports.get(importKey(ref));
      if (record?.status !== 'failed') throw new DomainError('STATE_CONFLICT', 'only a failed import can be re-run');
      const reopened: ImportRecord = { ...record, status: 'pending', lines: 0 };
      delete reopened.error;
      imports.set(importKey(ref), reopened);
      audit.push('survey.import.rerun');
      return reopened;
    },
    reportRows: async () => ({ rows: [], more: false }),
    getLease: async () => undefined,
    importObjectKey: (y, id, importId, format) => `imports/${y}/${id}/${importId}.${format}`,
    importMaxBytes: 1024,
    presignImportUpload: async () => ({ url: 'memory://imports', fields: {}, expiresAt: new Date().toISOString() }),
    createInvitations: async (_caller, binding, hashes) => {
      for (const h of hashes) invitations.set(h, { ...binding, createdAt: new Date().toISOString() });
      audit.push('survey.invitations.created');
    },
    getInvitation: async (hash) => {
      const found = invitations.get(hash);
      if (!found) return undefined;
      const { answers: _a, ...invitation } = found;
      return invitation;
    },
    spendInvitation: async (hash, invitation, answers, names) => {
      const stored = invitations.get(hash);
      if (!stored || stored.usedAt) throw new DomainError('INVITATION_USED', 'this invitation code has already been used');
      invitations.set(hash, { ...stored, usedAt: new Date().toISOString(), answers });
      const counted: StoredCounts = { unitId: invitation.unitId, group: invitation.group, source: 'online', responses: 1, counts: {} };
      for (const n of names) counted.counts[n] = 1;
      counts.push(counted);
    },
    readCounts: async () => counts,
  };
  return stores;
}
