/**
 * Councils per level as rules (fast tier, in-memory stores): which council computes and approves
 * which units from the cycle's own registry, the refusals that write nothing, and the cycle that is
 * published (and the pipeline resumed) only with the last council it needs. DynamoDB Local has its
 * own test (test/integration/councils.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { checkPublication } from '../../shared/app/pipeline/check-publication.ts';
import type { PipelineStores } from '../../shared/app/pipeline/stores.ts';
import { approveResults } from '../../shared/app/results/approve-results.ts';
import { generateReports } from '../../shared/app/results/generate-reports.ts';
import { computeDrafts } from '../../shared/app/results/compute-draft.ts';
import type { TypeInputs } from '../../shared/app/results/results-inputs.ts';
import { requiredCouncils } from '../../shared/domain/councils.ts';
import { isDomainError, type ErrorCode } from '../../shared/domain/errors.ts';
import type { Caller } from '../../shared/domain/roles.ts';
import type { Cycle } from '../../shared/schemas/domain/cycles.ts';
import type { CycleUnit } from '../../shared/store/entities/cycle-unit.ts';
import type { DraftResults } from '../../shared/store/results-store.ts';
import { referenceFramework } from '../support/assessment-helpers.ts';
import { memoryResultsStores } from '../support/memory-results-stores.ts';

const year = 2125;
const now = new Date('2126-02-01T00:00:00Z');
const computedAt = '2126-01-15T00:00:00.000Z';
const deadlines = {
  selfAssessment: '2125-10-31T23:59:59+07:00',
  appraisal: '2125-11-30T23:59:59+07:00',
  explanation: '2125-12-10T23:59:59+07:00',
  survey: '2125-12-15T23:59:59+07:00',
  finalAppraisal: '2125-12-31T23:59:59+07:00',
  publication: '2126-02-28T23:59:59+07:00',
};
const registry: CycleUnit[] = [
  { id: 'CNL-SO', type: 'department', name: 'Sở thử nghiệm' },
  { id: 'CNL-H-A', type: 'district', name: 'Huyện A', parentId: 'UBND-TINH', parentType: 'province' },
  { id: 'CNL-H-B', type: 'district', name: 'Huyện B', parentId: 'UBND-TINH', parentType: 'province' },
  { id: 'CNL-X-A1', type: 'commune', name: 'Xã A1', parentId: 'CNL-H-A', parentType: 'district' },
  { id: 'CNL-X-A2', type: 'commune', name: 'Xã A2', parentId: 'CNL-H-A', parentType: 'district' },
  { id: 'CNL-X-B1', type: 'commune', name: 'Xã B1', parentId: 'CNL-H-B', parentType: 'district' },
  { id: 'CNL-X-P1', type: 'commune', name: 'Xã P1 (trực thuộc tỉnh)', parentId: 'UBND-TINH', parentType: 'province' },
];
const council = (district?: string): Caller => ({
  subject: `c-${district ?? 'tinh'}`,
  username: `hoidong-${district ?? 'tinh'}`,
  roles: ['council'],
  areas: [],
  ...(district ? { district } : {}),
});
const admin: Caller = { subject: 'a1', username: 'admin', roles: ['admin'], areas: [] };

const cycle = (appraisal: Cycle['appraisal'] = {}): Cycle => ({
  year,
  frameworks: { department: 'department-2024', commune: 'commune-2024' },
  deadlines,
  notApplicable: {},
  appraisal,
  phase: 'computation',
  version: 7,
});
const draft = (council?: string): DraftResults => ({
  year,
  ...(council ? { council } : {}),
  status: 'draft',
  computedAt,
  computedBy: 'admin',
  notFinalized: [],
  results: {},
});

function setup(appraisal: Cycle['appraisal'] = {}) {
  const memory = memoryResultsStores();
  memory.cycles.set(year, cycle(appraisal));
  memory.registries.set(year, registry);
  memory.drafts.set(year, draft());
  for (const d of ['CNL-H-A', 'CNL-H-B']) memory.councilDrafts.set(`${year}#${d}`, draft(d));
  return memory;
}

async function refusedWith(promise: Promise<unknown>, code: ErrorCode) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isDomainError(error) ? error.code : error).toBe(code);
}

const approve = (caller: Caller, decision: string, district?: string) => ({
  year,
  decision,
  computedAt,
  ...(district ? { district } : {}),
});
const check = (memory: ReturnType<typeof setup>) => checkPublication(admin, { year }, memory.stores as unknown as PipelineStores, now);

describe('which council approves which unit', () => {
  it('gives departments, districts and communes under the province to the province, communes under a district to its council', () => {
    expect(requiredCouncils(cycle(), registry)).toEqual(['province', 'CNL-H-A', 'CNL-H-B']);
    // No district level for communes: the cycle's appraisal assignment gives them to a department.
    expect(requiredCouncils(cycle({ commune: { '1': ['SNV'] } }), registry)).toEqual(['province']);
    expect(requiredCouncils(cycle({ commune: { '1': ['parent-district'] } }), registry)).toEqual(['province', 'CNL-H-A', 'CNL-H-B']);
  });

  it('computes one draft per council, each ranking its own units', async () => {
    const framework = referenceFramework('commune');
    const unit = (id: string) => ({
      unitId: id,
      name: id,
      unitType: 'commune' as const,
      items: new Map(),
      surveyScores: {},
      surveyMissing: [],
      notApplicable: [],
    });
    const inputs: TypeInputs[] = [
      {
        unitType: 'commune',
        framework,
        units: ['CNL-X-A1', 'CNL-X-A2', 'CNL-X-B1', 'CNL-X-P1'].map(unit),
        notFinalized: [{ unitId: 'CNL-X-B1', state: 'submitted' }],
      },
    ];
    const memory = memoryResultsStores(inputs);
    memory.registries.set(year, registry);
    const drafts = await computeDrafts(admin, cycle(), memory.stores, now);
    const unitsOf = (d: DraftResults) => (d.results.commune?.units ?? []).map((u) => `${u.unitId}#${u.rank}`).sort();
    expect(drafts.map((d) => d.council ?? 'province')).toEqual(['province', 'CNL-H-A', 'CNL-H-B']);
    expect(drafts.map(unitsOf)).toEqual([['CNL-X-P1#1'], ['CNL-X-A1#1', 'CNL-X-A2#1'], ['CNL-X-B1#1']]);
    expect(drafts.map((d) => d.notFinalized.length)).toEqual([0, 0, 1]);
    expect(memory.councilDrafts.get(`${year}#CNL-H-A`)?.council).toBe('CNL-H-A');
  });
});

describe('approval per council', () => {
  it('publishes each council on its own; the cycle is published (what the pipeline waits for) with the last one', async () => {
    const memory = setup();
    const a = await approveResults(council('CNL-H-A'), approve(council('CNL-H-A'), 'Quyết định số 5/QĐ-UBND huyện A'), memory.stores, now);
    expect(a.publishedBy).toEqual({
      council: 'district',
      district: 'CNL-H-A',
      decision: 'Quyết định số 5/QĐ-UBND huyện A',
      approvedAt: now.toISOString(),
    });
    expect(a.awaiting).toEqual(['province', 'CNL-H-B']);
    // The approval asks for its reports; the report function writes them, named after the district.
    expect([a.reports, a.files, memory.requests, memory.objects.size]).toEqual(['pending', [], [`${year}#CNL-H-A`], 0]);
    expect(await generateReports(year, 'CNL-H-A', memory.stores)).toBe('written');
    const filesA = memory.councilPublications.get(`${year}#CNL-H-A`)!.files;
    expect(filesA.length).toBeGreaterThan(0);
    expect(filesA.every((f) => f.name.includes(`${year}-CNL-H-A`))).toBe(true);
    expect(memory.cycles.get(year)?.phase).toBe('approved');
    expect(memory.publications.get(year)).toBeUndefined();
    expect(await check(memory)).toMatchObject({ published: false, awaiting: ['province', 'CNL-H-B'] });

    const p = await approveResults(council(), approve(council(), 'Quyết định số 9/QĐ-HĐTĐ'), memory.stores, now);
    expect(p.awaiting).toEqual(['CNL-H-B']);
    expect(memory.councilPublications.get(`${year}#CNL-H-A`)?.decision).toBe('Quyết định số 5/QĐ-UBND huyện A');
    expect(memory.cycles.get(year)?.phase).toBe('approved');

    const b = await approveResults(council('CNL-H-B'), approve(council('CNL-H-B'), 'Quyết định số 2/QĐ-UBND huyện B'), memory.stores, now);
    expect(b.awaiting).toEqual([]);
    expect(memory.cycles.get(year)?.phase).toBe('published');
    // Every council has published, but the pipeline goes on only with every council's report files.
    expect(await check(memory)).toMatchObject({ published: false, reportsPending: ['province', 'CNL-H-B'] });
    expect(await generateReports(year, 'province', memory.stores)).toBe('written');
    expect(await check(memory)).toMatchObject({ published: false, reportsPending: ['CNL-H-B'] });
    expect(await generateReports(year, 'CNL-H-B', memory.stores)).toBe('written');
    expect(await check(memory)).toMatchObject({ published: true });
    expect(await generateReports(year, 'CNL-H-B', memory.stores)).toBe('already-ready');
    const merged = await memory.stores.getPublication(year);
    expect(merged?.decision).toBe('Quyết định số 9/QĐ-HĐTĐ');
    expect(merged?.councils.map((c) => [c.district ?? c.council, c.decision])).toEqual([
      ['province', 'Quyết định số 9/QĐ-HĐTĐ'],
      ['CNL-H-A', 'Quyết định số 5/QĐ-UBND huyện A'],
      ['CNL-H-B', 'Quyết định số 2/QĐ-UBND huyện B'],
    ]);
    const phases = memory.audit.filter((e) => e.action === 'cycle.phase-changed').map((e) => (e.after as { phase: string }).phase);
    expect(phases).toEqual(['approved', 'published']);
  });

  it.each([
    ["another district's communes", council('CNL-H-B'), 'CNL-H-A', 'COUNCIL_OUTSIDE_SCOPE'],
    ["the provincial council on a district council's communes", council(), 'CNL-H-A', 'COUNCIL_OUTSIDE_SCOPE'],
    ['a district council not in the cycle', council('CNL-H-Z'), undefined, 'COUNCIL_NOT_IN_CYCLE'],
    ['a district named that has no council in the cycle', council(), 'CNL-H-Z', 'COUNCIL_NOT_IN_CYCLE'],
  ] as const)('refuses %s and writes nothing', async (_label, caller, district, code) => {
    const memory = setup();
    const before = structuredClone(memory.cycles.get(year));
    await refusedWith(approveResults(caller, approve(caller, 'Quyết định số 1', district), memory.stores, now), code);
    expect(memory.cycles.get(year)).toEqual(before);
    expect(memory.councilPublications.size + memory.publications.size + memory.objects.size + memory.requests.length).toBe(0);
    expect(memory.councilDrafts.get(`${year}#CNL-H-A`)?.status).toBe('draft');
    expect(memory.audit).toEqual([]);
  });

  it('leaves communes to the provincial council where the cycle has no district level', async () => {
    const memory = setup({ commune: { '1': ['SNV'] } });
    await refusedWith(
      approveResults(council('CNL-H-A'), approve(council('CNL-H-A'), 'Quyết định số 1'), memory.stores, now),
      'COUNCIL_NOT_IN_CYCLE',
    );
    const p = await approveResults(council(), approve(council(), 'Quyết định số 3/QĐ-HĐTĐ'), memory.stores, now);
    expect(p.awaiting).toEqual([]);
    expect(memory.cycles.get(year)?.phase).toBe('published');
  });
});
