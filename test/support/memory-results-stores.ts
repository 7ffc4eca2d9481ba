/**
 * In-memory stores for the results, cycles and pipeline use cases (the fast tier): the same
 * conditions as the DynamoDB stores (version, claim once, publish once), in maps.
 */
import { fail } from '../../shared/domain/errors.ts';
import type { CyclesStores } from '../../shared/app/cycles/stores.ts';
import type { PublicationStores } from '../../shared/app/results/publication-stores.ts';
import type { ReportStores } from '../../shared/app/results/report-stores.ts';
import type { ResultsStores } from '../../shared/app/results/stores.ts';
import type { TypeInputs } from '../../shared/app/results/results-inputs.ts';
import type { Cycle } from '../../shared/schemas/domain/cycles.ts';
import type { AuditEvent } from '../../shared/store/audit.ts';
import type { StoredFramework } from '../../shared/store/frameworks-store.ts';
import type { DraftResults, Publication, ReportFile } from '../../shared/store/results-store.ts';
import type { Unit } from '../../shared/schemas/domain/units.ts';
import { mergePublications } from '../../shared/store/merged-publication.ts';
import type { CycleUnit } from '../../shared/store/entities/cycle-unit.ts';

export interface MemoryResults {
  stores: ResultsStores & PublicationStores & CyclesStores & ReportStores;
  cycles: Map<number, Cycle>;
  /** The provincial council's drafts and publications by year; district councils' by `year#district`. */
  drafts: Map<number, DraftResults>;
  publications: Map<number, Publication>;
  councilDrafts: Map<string, DraftResults>;
  councilPublications: Map<string, Publication>;
  /** The cycles' registries (an empty one unless a test sets it). */
  registries: Map<number, CycleUnit[]>;
  /** Report objects by key (the report function's writes). */
  objects: Map<string, Buffer>;
  /** Report requests (the approval's last write), `year#council`. */
  requests: string[];
  audit: Pick<AuditEvent, 'subject' | 'action' | 'after'>[];
  frameworks: Map<string, StoredFramework>;
  units: Map<string, Unit>;
  /** Years whose approval was notified to a waiting pipeline. */
  notified: number[];
}

export function memoryResultsStores(inputs: TypeInputs[] = []): MemoryResults {
  const cycles = new Map<number, Cycle>();
  const drafts = new Map<number, DraftResults>();
  const publications = new Map<number, Publication>();
  const councilDrafts = new Map<string, DraftResults>();
  const councilPublications = new Map<string, Publication>();
  const registries = new Map<number, CycleUnit[]>();
  const isProvince = (council?: string) => council === undefined || council === 'province';
  const draftOf = (year: number, council?: string) => (isProvince(council) ? drafts.get(year) : councilDrafts.get(`${year}#${council}`));
  const setDraft = (d: DraftResults) => (isProvince(d.council) ? drafts.set(d.year, d) : councilDrafts.set(`${d.year}#${d.council}`, d));
  const publicationOf = (year: number, council?: string) =>
    isProvince(council) ? publications.get(year) : councilPublications.get(`${year}#${council}`);
  const yearPublications = (year: number) => [
    ...(publications.has(year) ? [publications.get(year)!] : []),
    ...[...councilPublications].filter(([k]) => k.startsWith(`${year}#`)).map(([, p]) => p),
  ];
  const objects = new Map<string, Buffer>();
  const requests: string[] = [];
  const notified: number[] = [];
  const frameworks = new Map<string, StoredFramework>();
  const units = new Map<string, Unit>();
  const audit: MemoryResults['audit'] = [];
  const putCycle = (after: Cycle, expectedVersion: number) => {
    if (cycles.get(after.year)?.version !== expectedVersion) throw fail.versionConflict(`cycle ${after.year}`, cycles.get(after.year));
    cycles.set(after.year, structuredClone(after));
  };
  const stores: MemoryResults['stores'] = {
    getCycle: async (year) => structuredClone(cycles.get(year)),
    createCycle: async (_caller, cycle) => {
      if (cycles.has(cycle.year)) throw fail.conflict('CYCLE_EXISTS', `cycle ${cycle.year} already exists`);
      cycles.set(cycle.year, structuredClone(cycle));
      audit.push({ subject: `CYCLE#${cycle.year}`, action: 'cycle.opened', after: cycle });
      return cycle;
    },
    updateCycle: async (_caller, before, after, change = {}, expectedVersion = before.version) => {
      putCycle(after, expectedVersion);
      audit.push({ subject: `CYCLE#${after.year}`, action: change.action ?? 'cycle.changed', after });
      return after;
    },
    getFramework: async (id) => structuredClone(frameworks.get(id)),
    getUnit: async (id) => structuredClone(units.get(id)),
    getSurvey: async () => undefined,
    listUnits: async () => structuredClone([...units.values()]),
    getDraft: async (year, council) => structuredClone(draftOf(year, council)),
    getPublication: async (year) => structuredClone(mergePublications(yearPublications(year))),
    getCouncilPublication: async (year, council) => structuredClone(publicationOf(year, council)),
    listPublications: async (year) => structuredClone(yearPublications(year)),
    cycleRegistry: async (year) => structuredClone(registries.get(year) ?? []),
    saveDraft: async (_caller, draft) => {
      if (publicationOf(draft.year, draft.council) || draftOf(draft.year, draft.council)?.status === 'approved') {
        throw fail.conflict('ALREADY_PUBLISHED', 'approved');
      }
      setDraft(structuredClone(draft));
      audit.push({ subject: `RESULTS#${draft.year}`, action: 'results.computed' });
    },
    claimApproval: async (_caller, draft, claim, cycle, approved) => {
      const stored = draftOf(draft.year, draft.council);
      if (stored?.status !== 'draft' || stored.computedAt !== draft.computedAt || cycles.get(cycle.year)?.version !== cycle.version) {
        throw fail.conflict('ALREADY_PUBLISHED', 'claimed meanwhile');
      }
      setDraft({ ...stored, status: 'approved', approval: claim });
      putCycle(approved, cycle.version);
      audit.push({ subject: `RESULTS#${draft.year}`, action: 'results.approved' });
      if (cycle.phase !== approved.phase) {
        audit.push({
          subject: `CYCLE#${draft.year}`,
          action: 'cycle.phase-changed',
          after: { phase: 'approved', decision: claim.decision },
        });
      }
    },
    publish: async (_caller, publication, cycle, published) => {
      if (publicationOf(publication.year, publication.council)) throw fail.conflict('ALREADY_PUBLISHED', 'published');
      putCycle(published, cycle.version);
      if (isProvince(publication.council)) publications.set(publication.year, structuredClone(publication));
      else councilPublications.set(`${publication.year}#${publication.council}`, structuredClone(publication));
      audit.push({ subject: `RESULTS#${publication.year}`, action: 'results.published' });
      if (cycle.phase !== published.phase) {
        audit.push({
          subject: `CYCLE#${publication.year}`,
          action: 'cycle.phase-changed',
          after: { phase: published.phase, decision: publication.decision },
        });
      }
    },
    requestReports: async (year, council) => {
      requests.push(`${year}#${council}`);
    },
    putReportFile: async (year, name, contentType, body): Promise<ReportFile> => {
      const key = `published/${year}/${name}`;
      objects.set(key, body);
      return { name, contentType, bytes: body.length, sha256: 'x'.repeat(64), key };
    },
    markReportsReady: async (_caller, publication, files) => {
      const stored = publicationOf(publication.year, publication.council);
      if (!stored || stored.reports !== 'pending') return false;
      Object.assign(stored, { files: structuredClone(files), reports: 'ready' });
      audit.push({ subject: `RESULTS#${publication.year}`, action: 'results.reports-written' });
      return true;
    },
    listPendingReports: async () =>
      [...publications.values(), ...councilPublications.values()]
        .filter((p) => p.reports === 'pending')
        .map((p) => ({ year: p.year, council: p.council ?? 'province' })),
    reportUrl: async (file) => `memory://${file.key}`,
    resultsInputs: async () => inputs,
    // Year over year and weaknesses have their own hand-worked tests; the fast tier keeps the numbers as computed.
    withInsights: async (_cycle, _inputs, results) => results,
    reportInput: async (content) => ({
      ...content,
      frameworks: Object.fromEntries([...frameworks.values()].map((f) => [f.framework.unitType, f.framework])),
      units: Object.fromEntries([...units.values()].map((u) => [u.id, { name: u.name, ...(u.parentId ? { parentId: u.parentId } : {}) }])),
    }),
    notifyApproval: async (year) => {
      notified.push(year);
      return 'no-waiting-execution';
    },
  };
  return {
    stores,
    cycles,
    drafts,
    publications,
    councilDrafts,
    councilPublications,
    registries,
    objects,
    requests,
    audit,
    frameworks,
    units,
    notified,
  };
}
