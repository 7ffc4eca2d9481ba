/**
 * In-memory stores for the results, cycles and pipeline use cases (the fast tier): the same
 * conditions as the DynamoDB stores (version, claim once, publish once), in maps.
 */
import { fail } from '../../shared/domain/errors.ts';
import type { CyclesStores } from '../../shared/app/cycles/stores.ts';
import type { PublicationStores } from '../../shared/app/results/publication-stores.ts';
import type { TypeInputs } from '../../shared/app/results/results-inputs.ts';
import type { Cycle } from '../../shared/schemas/domain/cycles.ts';
import type { AuditEvent } from '../../shared/store/audit.ts';
import type { StoredFramework } from '../../shared/store/frameworks-store.ts';
import type { DraftResults, Publication, ReportFile } from '../../shared/store/results-store.ts';
import type { Unit } from '../../shared/schemas/domain/units.ts';

export interface MemoryResults {
  stores: PublicationStores & CyclesStores;
  cycles: Map<number, Cycle>;
  drafts: Map<number, DraftResults>;
  publications: Map<number, Publication>;
  objects: Map<string, Buffer>;
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
  const objects = new Map<string, Buffer>();
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
    getDraft: async (year) => structuredClone(drafts.get(year)),
    getPublication: async (year) => structuredClone(publications.get(year)),
    saveDraft: async (_caller, draft) => {
      if (publications.has(draft.year) || drafts.get(draft.year)?.status === 'approved') {
        throw fail.conflict('ALREADY_PUBLISHED', 'approved');
      }
      drafts.set(draft.year, structuredClone(draft));
      audit.push({ subject: `RESULTS#${draft.year}`, action: 'results.computed' });
    },
    claimApproval: async (_caller, draft, claim, cycle, approved) => {
      const stored = drafts.get(draft.year);
      if (stored?.status !== 'draft' || stored.computedAt !== draft.computedAt || cycles.get(cycle.year)?.version !== cycle.version) {
        throw fail.conflict('ALREADY_PUBLISHED', 'claimed meanwhile');
      }
      drafts.set(draft.year, { ...stored, status: 'approved', approval: claim });
      putCycle(approved, cycle.version);
      audit.push(
        { subject: `RESULTS#${draft.year}`, action: 'results.approved' },
        { subject: `CYCLE#${draft.year}`, action: 'cycle.phase-changed', after: { phase: 'approved', decision: claim.decision } },
      );
    },
    publish: async (_caller, publication, cycle, published) => {
      if (publications.has(publication.year)) throw fail.conflict('ALREADY_PUBLISHED', 'published');
      putCycle(published, cycle.version);
      publications.set(publication.year, structuredClone(publication));
      audit.push(
        { subject: `RESULTS#${publication.year}`, action: 'results.published' },
        {
          subject: `CYCLE#${publication.year}`,
          action: 'cycle.phase-changed',
          after: { phase: 'published', decision: publication.decision },
        },
      );
    },
    putReportFile: async (year, name, contentType, body): Promise<ReportFile> => {
      const key = `published/${year}/${name}`;
      objects.set(key, body);
      return { name, contentType, bytes: body.length, sha256: 'x'.repeat(64), key };
    },
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
  return { stores, cycles, drafts, publications, objects, audit, frameworks, units, notified };
}
