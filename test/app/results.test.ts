/**
 * The council's approval as rules (fast tier, in-memory stores): who approves what, when it is
 * refused and why, and that a refused approval writes nothing; the cycle's phase follows the
 * state machine. The real transactions and objects are in test/integration/results.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { approveResults } from '../../shared/app/results/approve-results.ts';
import { generateReports, resumePendingReports } from '../../shared/app/results/generate-reports.ts';
import { computeResults } from '../../shared/app/results/compute-results.ts';
import { isDomainError, type ErrorCode } from '../../shared/domain/errors.ts';
import { approvalLeaseMs } from '../../shared/domain/results-approval.ts';
import type { Caller } from '../../shared/domain/roles.ts';
import type { Cycle } from '../../shared/schemas/domain/cycles.ts';
import type { DraftResults } from '../../shared/store/results-store.ts';
import { memoryResultsStores } from '../support/memory-results-stores.ts';

const year = 2030;
const council: Caller = { subject: 'c1', username: 'council', roles: ['council'], areas: [] };
const admin: Caller = { subject: 'a1', username: 'admin', roles: ['admin'], areas: [] };
const now = new Date('2031-02-01T00:00:00Z');
const deadlines = {
  selfAssessment: '2030-10-31T23:59:59+07:00',
  appraisal: '2030-11-30T23:59:59+07:00',
  explanation: '2030-12-10T23:59:59+07:00',
  survey: '2030-12-15T23:59:59+07:00',
  finalAppraisal: '2030-12-31T23:59:59+07:00',
  publication: '2031-02-28T23:59:59+07:00',
};
const cycle = (phase: Cycle['phase']): Cycle => ({ year, frameworks: {}, deadlines, notApplicable: {}, appraisal: {}, phase, version: 3 });
const draft = (extra: Partial<DraftResults> = {}): DraftResults => ({
  year,
  status: 'draft',
  computedAt: '2031-01-15T00:00:00.000Z',
  computedBy: 'admin',
  notFinalized: [],
  results: {},
  ...extra,
});
const input = { year, decision: 'Quyết định số 1/QĐ-HĐTĐ', computedAt: '2031-01-15T00:00:00.000Z' };

function setup(phase: Cycle['phase'] = 'computation', stored: DraftResults | null = draft()) {
  const memory = memoryResultsStores();
  memory.cycles.set(year, cycle(phase));
  if (stored) memory.drafts.set(year, stored);
  return memory;
}

async function refusedWith(promise: Promise<unknown>, code: ErrorCode) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isDomainError(error) ? error.code : error).toBe(code);
  return error as { details: Record<string, unknown> };
}

/** The files a publication writes (their names are part of the public contract). */
const publishedNames = (y: number) =>
  [
    `data-dictionary-${y}.csv`,
    `open-data-${y}.csv`,
    `open-data-${y}.json`,
    `report-${y}.html`,
    `results-${y}-excel.csv`,
    `results-${y}.csv`,
    `results-${y}.json`,
    `results-${y}.xlsx`,
  ].sort();

describe('approveResults', () => {
  it('publishes the draft the council read, once: the cycle moves computation → approved → published', async () => {
    const memory = setup();
    const out = await approveResults(council, input, memory.stores, now);
    // The approval writes no report object: it asks for them, and answers with the files pending.
    expect([out.reports, out.files, memory.objects.size, memory.requests]).toEqual(['pending', [], 0, [`${year}#province`]]);
    expect(memory.publications.get(year)).toMatchObject({ reports: 'pending', files: [] });
    expect(memory.cycles.get(year)).toMatchObject({ phase: 'published', version: 5 });
    expect(memory.publications.get(year)).toMatchObject({ decision: input.decision, approvedBy: 'council' });
    const phases = memory.audit.filter((e) => e.action === 'cycle.phase-changed').map((e) => e.after);
    expect(phases).toEqual([
      { phase: 'approved', decision: input.decision },
      { phase: 'published', decision: input.decision },
    ]);
    await refusedWith(approveResults(council, input, memory.stores, now), 'ALREADY_PUBLISHED');
    expect(memory.requests).toHaveLength(1);
  });

  it('the report function writes the files once, completes the publication and then notifies the pipeline', async () => {
    const memory = setup();
    await approveResults(council, input, memory.stores, now);
    expect(memory.notified).toEqual([]);
    expect(await generateReports(year, 'province', memory.stores)).toBe('written');
    const published = memory.publications.get(year)!;
    expect(published.reports).toBe('ready');
    expect(published.files.map((f) => f.name).sort()).toEqual(publishedNames(year));
    expect([...memory.objects.keys()].sort()).toEqual(published.files.map((f) => f.key).sort());
    expect(memory.notified).toEqual([year]);
    // A duplicate event: nothing written again, the publication unchanged, the callback sent again (harmless).
    const before = structuredClone(published);
    expect(await generateReports(year, 'province', memory.stores)).toBe('already-ready');
    expect(memory.publications.get(year)).toEqual(before);
    expect(memory.audit.filter((e) => e.action === 'results.reports-written')).toHaveLength(1);
    expect(await resumePendingReports(memory.stores)).toEqual([]);
  });

  it('the re-drive takes up a publication whose request was lost', async () => {
    const memory = setup();
    await approveResults(council, input, { ...memory.stores, requestReports: async () => {} }, now);
    expect(await resumePendingReports(memory.stores)).toEqual([{ year, council: 'province', outcome: 'written' }]);
    expect(memory.publications.get(year)?.reports).toBe('ready');
  });

  it.each([
    ['no cycle', () => memoryResultsStores(), 'CYCLE_NOT_FOUND'],
    ['no draft', () => setup('computation', null), 'NO_DRAFT'],
    ['a recomputed draft', () => setup('computation', draft({ computedAt: '2031-01-20T00:00:00.000Z' })), 'DRAFT_SUPERSEDED'],
    [
      'an open appraisal',
      () => setup('computation', draft({ notFinalized: [{ unitId: 'H-BATRI', state: 'submitted' }] })),
      'APPRAISALS_OPEN',
    ],
    ['a cycle whose draft was never computed through the phases', () => setup('open'), 'PHASE_TRANSITION_REFUSED'],
    ['an approval being published', () => setup('approved', draft({ status: 'approved' })), 'APPROVAL_IN_PROGRESS'],
    ['a published cycle', () => setup('published', draft({ status: 'approved' })), 'ALREADY_PUBLISHED'],
  ] as const)('refuses %s and writes nothing', async (_label, make, code) => {
    const memory = make();
    const before = structuredClone(memory.cycles.get(year));
    await refusedWith(approveResults(council, input, memory.stores, now), code);
    expect(memory.objects.size + memory.requests.length).toBe(0);
    expect(memory.publications.size).toBe(0);
    expect(memory.cycles.get(year)).toEqual(before);
    expect(memory.audit).toEqual([]);
  });

  it('names the units whose appraisal is open, relative to the draft', async () => {
    const memory = setup('computation', draft({ notFinalized: [{ unitId: 'H-BATRI', state: 'returned' }] }));
    const error = await refusedWith(approveResults(council, input, memory.stores, now), 'APPRAISALS_OPEN');
    expect(error.details).toMatchObject({ errors: [{ path: 'units["H-BATRI"]' }], errorsAt: 'resource' });
  });

  it('tells a superseded approval which draft is current', async () => {
    const memory = setup('computation', draft({ computedAt: '2031-01-20T00:00:00.000Z' }));
    const error = await refusedWith(approveResults(council, input, memory.stores, now), 'DRAFT_SUPERSEDED');
    expect(error.details).toEqual({ computedAt: '2031-01-20T00:00:00.000Z' });
  });

  it('resumes a claim whose publication never followed, after the lease, for the same decision only', async () => {
    const claimedAt = new Date(now.getTime() - approvalLeaseMs - 1000).toISOString();
    const claimed = draft({ status: 'approved', approval: { decision: input.decision, approvedAt: claimedAt, approvedBy: 'council' } });
    const other = setup('approved', structuredClone(claimed));
    await refusedWith(approveResults(council, { ...input, decision: 'Quyết định khác' }, other.stores, now), 'APPROVAL_IN_PROGRESS');
    const fresh = setup('approved', structuredClone(claimed));
    await refusedWith(approveResults(council, input, fresh.stores, new Date(Date.parse(claimedAt) + 1000)), 'APPROVAL_IN_PROGRESS');
    const memory = setup('approved', claimed);
    const out = await approveResults(council, input, memory.stores, now);
    expect(out.approvedAt).toBe(claimedAt);
    expect(memory.cycles.get(year)?.phase).toBe('published');
  });
});

describe('computeResults', () => {
  it('moves an open cycle to computation and stores the draft', async () => {
    const memory = setup('open', null);
    const out = await computeResults(admin, { year }, memory.stores, now);
    expect(out.status).toBe('draft');
    expect(memory.cycles.get(year)?.phase).toBe('computation');
    expect(memory.drafts.get(year)?.computedAt).toBe(now.toISOString());
  });

  it.each([
    ['approved', 'CYCLE_CLOSED'],
    ['published', 'CYCLE_PUBLISHED'],
  ] as const)('refuses a %s cycle with %s and stores nothing', async (phase, code) => {
    const memory = setup(phase, draft({ status: 'approved' }));
    await refusedWith(computeResults(admin, { year }, memory.stores, now), code);
    expect(memory.drafts.get(year)?.computedAt).toBe(draft().computedAt);
  });
});
