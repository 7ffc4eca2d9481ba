/**
 * Councils per level on DynamoDB Local and s3rver, through the HTTP adapter: two district councils
 * of test districts (CNL-H-A with two communes, CNL-H-B with one) read, compute, approve and
 * publish their own communes with their own decisions, the provincial council its own units; each
 * publication leaves the others as they were. Wrong scopes are refused and write nothing (read
 * back). A cycle whose appraisal assignment gives communes to a department has no district councils.
 *
 * The test districts exist only in these cycles' own registries: the cycles are opened through the
 * API, then their frozen registry is replaced by a fixture (as if the registry had held just these
 * units at opening), so the shared live registry other test files count stays as seeded.
 */
import { PutCommand } from '../../shared/store/dynamo/commands.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamo, tableName } from '../../shared/store/clients.ts';
import { cycleUnitChunks, type CycleUnit } from '../../shared/store/entities/cycle-unit.ts';
import { listAudit } from '../../shared/store/audit.ts';
import { getCycle } from '../../shared/store/cycles-store.ts';
import { getCouncilPublication, getDraft, listPublications } from '../../shared/store/results-store.ts';
import { getApprovalToken, saveApprovalToken, takeLocalCallback } from '../../shared/store/task-tokens.ts';
import { api, token, tokens } from '../support/api.ts';
import { publishedReports, reportsWaitMs } from '../support/reports.ts';
import { cycleDeadlines, fillSelfLeaves, pdfBytes, referenceFramework, uploadEvidence } from '../support/assessment-helpers.ts';

const year = 2121;

/** Waits (bounded) for the pipeline callback of `taskToken`; with it, the state of CNL-H-B's reports when it was found. */
async function callbackOf(taskToken: string) {
  const deadline = Date.now() + reportsWaitMs;
  for (;;) {
    const callback = await takeLocalCallback(taskToken);
    if (callback) return { callback, reportsOfB: (await getCouncilPublication(year, 'CNL-H-B'))?.reports };
    if (Date.now() > deadline) throw new Error(`no callback for ${taskToken} after ${reportsWaitMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
const noDistrictYear = 2122;
const framework = referenceFramework('commune');
const communes = { 'CNL-X-A1': 'CNL-H-A', 'CNL-X-A2': 'CNL-H-A', 'CNL-X-B1': 'CNL-H-B' } as const;
const districtCouncil = (district: string) => token({ role: 'council', district, username: `hoidong.${district}` });
const base = (unitId: string) => `/v1/cycles/${year}/units/${unitId}`;
const decisionA = 'Quyết định số 12/QĐ-UBND huyện A';
const decisionB = 'Quyết định số 7/QĐ-UBND huyện B';
const decisionP = 'Quyết định số 30/QĐ-HĐTĐ tỉnh';

const registry: CycleUnit[] = [
  { id: 'UBND-TINH', type: 'province', name: 'Ủy ban nhân dân tỉnh Bến Tre' },
  { id: 'CNL-H-A', type: 'district', name: 'Huyện thử nghiệm A', parentId: 'UBND-TINH', parentType: 'province' },
  { id: 'CNL-H-B', type: 'district', name: 'Huyện thử nghiệm B', parentId: 'UBND-TINH', parentType: 'province' },
  ...Object.entries(communes).map(([id, parentId]): CycleUnit => ({
    id,
    type: 'commune',
    name: `Xã thử nghiệm ${id.slice(-2)}`,
    parentId,
    parentType: 'district',
  })),
];

/** The cycle's frozen registry replaced by the fixture (one chunk: the fixture is small). */
async function freezeFixture(y: number) {
  for (const Item of cycleUnitChunks(y, registry)) await dynamo().send(new PutCommand({ TableName: tableName(), Item }));
}

async function appraisedCommune(unitId: string, district: string) {
  const clerk = await tokens.unit(unitId);
  const evidenceId = await uploadEvidence(clerk, year, unitId, pdfBytes(unitId));
  expect((await api('POST', `${base(unitId)}/evidence/${evidenceId}/confirm`, { token: clerk })).status).toBe(200);
  await fillSelfLeaves(clerk, year, unitId, framework, evidenceId);
  expect((await api('POST', `${base(unitId)}/assessment/submit`, { token: clerk })).status).toBe(200);
  const appraiser = await tokens.appraiser(district, '*', district);
  expect((await api('POST', `${base(unitId)}/appraisal/accept-remaining`, { token: appraiser })).status).toBe(200);
  expect((await api('POST', `${base(unitId)}/appraisal/finalize`, { token: appraiser })).status).toBe(200);
}

const unitIds = (results: { commune?: { units: { unitId: string }[] } }) => (results.commune?.units ?? []).map((u) => u.unitId).sort();

beforeAll(async () => {
  const admin = await tokens.admin();
  const opened = await api('POST', '/v1/cycles', {
    token: admin,
    body: { year, frameworks: { commune: 'commune-2024' }, deadlines: cycleDeadlines(year) },
  });
  expect(opened.status).toBe(201);
  const flat = await api('POST', '/v1/cycles', {
    token: admin,
    body: {
      year: noDistrictYear,
      frameworks: { commune: 'commune-2024' },
      deadlines: cycleDeadlines(noDistrictYear),
      appraisal: { commune: { '*': ['SNV'] } },
    },
  });
  expect(flat.status).toBe(201);
  await freezeFixture(year);
  await freezeFixture(noDistrictYear);
  for (const [id, district] of Object.entries(communes)) await appraisedCommune(id, district);
}, 300_000);

describe('district councils', () => {
  it('each council computes and reads its own draft: a district council its communes only', async () => {
    const admin = await tokens.admin();
    const computed = await api('POST', `/v1/cycles/${year}/results/compute`, { token: admin });
    expect(computed.status).toBe(200);
    expect(computed.body.council).toBeUndefined();
    // The province's draft has no communes: every commune of this cycle hangs under a district.
    expect(unitIds(computed.body.results)).toEqual([]);
    const lines = computed.body.districts as { district: string; units: number; notFinalized: number }[];
    expect(lines.find((l) => l.district === 'CNL-H-A')).toMatchObject({ units: 2, notFinalized: 0 });
    expect(lines.find((l) => l.district === 'CNL-H-B')).toMatchObject({ units: 1, notFinalized: 0 });

    const a = await districtCouncil('CNL-H-A');
    const own = await api('GET', `/v1/cycles/${year}/results`, { token: a });
    expect(own.status).toBe(200);
    expect(own.body.council).toBe('CNL-H-A');
    expect(unitIds(own.body.results)).toEqual(['CNL-X-A1', 'CNL-X-A2']);
    const other = await api('GET', `/v1/cycles/${year}/results?district=CNL-H-B`, { token: a });
    expect([other.status, other.body.code]).toEqual([403, 'COUNCIL_OUTSIDE_SCOPE']);
    const explained = await api('GET', `/v1/cycles/${year}/results/units/CNL-X-A1/explanation`, { token: a });
    expect(explained.status).toBe(200);
    const foreign = await api('GET', `/v1/cycles/${year}/results/units/CNL-X-B1/explanation`, { token: a });
    expect([foreign.status, foreign.body.code]).toEqual([403, 'COUNCIL_OUTSIDE_SCOPE']);
    // The provincial council oversees the district councils' drafts (reading only).
    const overseen = await api('GET', `/v1/cycles/${year}/results?district=CNL-H-B`, { token: await tokens.council() });
    expect(unitIds(overseen.body.results)).toEqual(['CNL-X-B1']);

    // A district council recomputes its own draft only.
    const provinceBefore = await getDraft(year);
    const b = await districtCouncil('CNL-H-B');
    const recomputed = await api('POST', `/v1/cycles/${year}/results/compute`, { token: b });
    expect(recomputed.status).toBe(200);
    expect(recomputed.body.council).toBe('CNL-H-B');
    expect(await getDraft(year)).toEqual(provinceBefore);
    expect((await getDraft(year, 'CNL-H-B'))?.computedAt).toBe(recomputed.body.computedAt);
  });

  it('refuses a council approving units of another council, and writes nothing', async () => {
    const cycleBefore = await getCycle(year);
    const draftA = await getDraft(year, 'CNL-H-A');
    const attempts = [
      { caller: await districtCouncil('CNL-H-B'), district: 'CNL-H-A', code: 'COUNCIL_OUTSIDE_SCOPE' },
      { caller: await tokens.council(), district: 'CNL-H-A', code: 'COUNCIL_OUTSIDE_SCOPE' },
      { caller: await districtCouncil('CNL-H-NOWHERE'), district: undefined, code: 'COUNCIL_NOT_IN_CYCLE' },
    ];
    for (const { caller, district, code } of attempts) {
      const res = await api('POST', `/v1/cycles/${year}/results/approve`, {
        token: caller,
        body: { decision: 'Quyết định không hợp lệ', computedAt: draftA!.computedAt, ...(district ? { district } : {}) },
      });
      expect([res.status, res.body.code]).toEqual([403, code]);
    }
    expect(await listPublications(year)).toEqual([]);
    expect(await getDraft(year, 'CNL-H-A')).toEqual(draftA);
    expect(await getCycle(year)).toEqual(cycleBefore);
    expect((await listAudit(`RESULTS#${year}`)).filter((e) => e.action !== 'results.computed')).toEqual([]);
  });

  it('publishes each council independently, each unit naming its decision; the others stay as published', async () => {
    // The yearly pipeline waits in AwaitApproval with this token: only the last council may resume it.
    const taskToken = `local:cnl-${year}`;
    await saveApprovalToken(year, { taskToken, execution: 'cnl', storedAt: new Date().toISOString() });
    const a = await districtCouncil('CNL-H-A');
    const draftA = (await api('GET', `/v1/cycles/${year}/results`, { token: a })).body;
    const approvedA = await api('POST', `/v1/cycles/${year}/results/approve`, {
      token: a,
      body: { decision: decisionA, computedAt: draftA.computedAt },
    });
    expect(approvedA.status).toBe(200);
    expect(approvedA.body.publishedBy).toMatchObject({ council: 'district', district: 'CNL-H-A', decision: decisionA });
    expect(approvedA.body.awaiting).toEqual(['province', 'CNL-H-B']);
    expect([approvedA.body.reports, approvedA.body.files]).toEqual(['pending', []]);
    const reportsA = await publishedReports(year, { district: 'CNL-H-A' });
    expect(reportsA.body.files.map((f: { name: string }) => f.name)).toContain(`results-${year}-CNL-H-A.csv`);
    expect((await getCycle(year))?.phase).toBe('approved');
    const publishedA = await getCouncilPublication(year, 'CNL-H-A');
    expect(await takeLocalCallback(taskToken)).toBeUndefined();
    expect((await getApprovalToken(year))?.taskToken).toBe(taskToken);

    const onlyA = await api('GET', `/v1/public/results/${year}?type=commune`);
    expect(onlyA.status).toBe(200);
    expect(unitIds(onlyA.body.results)).toEqual(['CNL-X-A1', 'CNL-X-A2']);
    expect(onlyA.body.results.commune.units[0].publishedBy).toMatchObject({
      council: 'district',
      district: 'CNL-H-A',
      decision: decisionA,
    });

    const council = await tokens.council();
    const draftP = (await api('GET', `/v1/cycles/${year}/results`, { token: council })).body;
    const approvedP = await api('POST', `/v1/cycles/${year}/results/approve`, {
      token: council,
      body: { decision: decisionP, computedAt: draftP.computedAt },
    });
    expect(approvedP.status).toBe(200);
    expect(approvedP.body.publishedBy).toMatchObject({ council: 'province', decision: decisionP });
    await publishedReports(year);
    const publishedP = await getCouncilPublication(year, 'province');
    expect(await getCouncilPublication(year, 'CNL-H-A')).toEqual(publishedA);
    expect(await takeLocalCallback(taskToken)).toBeUndefined();

    const b = await districtCouncil('CNL-H-B');
    const draftB = (await api('GET', `/v1/cycles/${year}/results`, { token: b })).body;
    const approvedB = await api('POST', `/v1/cycles/${year}/results/approve`, {
      token: b,
      body: { decision: decisionB, computedAt: draftB.computedAt },
    });
    expect(approvedB.status).toBe(200);
    expect(approvedB.body.awaiting).toEqual([]);
    expect(await getCouncilPublication(year, 'province')).toEqual(publishedP);
    expect(await getCouncilPublication(year, 'CNL-H-A')).toEqual(publishedA);
    // The last council the cycle needs: the cycle is published; the waiting execution is resumed
    // only once its report files exist (from the first look right after the approval on).
    expect((await getCycle(year))?.phase).toBe('published');
    const resumed = await callbackOf(taskToken);
    expect(resumed.callback).toMatchObject({ published: true, via: 'callback' });
    expect(resumed.reportsOfB).toBe('ready');
    expect(await getApprovalToken(year)).toBeUndefined();

    const all = await api('GET', `/v1/public/results/${year}`);
    expect(all.body.decision).toBe(decisionP);
    const by = Object.fromEntries(
      (all.body.results.commune.units as { unitId: string; publishedBy: { decision: string } }[]).map((u) => [
        u.unitId,
        u.publishedBy.decision,
      ]),
    );
    expect(by).toEqual({ 'CNL-X-A1': decisionA, 'CNL-X-A2': decisionA, 'CNL-X-B1': decisionB });
    expect(all.body.councils.map((c: { district?: string; decision: string }) => [c.district ?? 'province', c.decision])).toEqual([
      ['province', decisionP],
      ['CNL-H-A', decisionA],
      ['CNL-H-B', decisionB],
    ]);
    const reports = await api('GET', `/v1/public/results/${year}/reports`);
    expect(reports.status).toBe(200);
    const decisionsOfFiles = new Set(reports.body.files.map((f: { publishedBy: { decision: string } }) => f.publishedBy.decision));
    expect([...decisionsOfFiles].sort()).toEqual([decisionP, decisionA, decisionB].sort());
    expect(reports.body.files).toHaveLength(24);
    expect(reports.body.councils.map((c: { reports: string }) => c.reports)).toEqual(['ready', 'ready', 'ready']);

    const again = await api('POST', `/v1/cycles/${year}/results/approve`, {
      token: a,
      body: { decision: 'Quyết định khác', computedAt: draftA.computedAt },
    });
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_PUBLISHED']);
    expect(await getCouncilPublication(year, 'CNL-H-A')).toEqual(publishedA);
  });

  it('leaves communes to the provincial council where the cycle has no district level', async () => {
    const a = await districtCouncil('CNL-H-A');
    const before = await getCycle(noDistrictYear);
    const compute = await api('POST', `/v1/cycles/${noDistrictYear}/results/compute`, { token: a });
    expect([compute.status, compute.body.code]).toEqual([403, 'COUNCIL_NOT_IN_CYCLE']);
    const approve = await api('POST', `/v1/cycles/${noDistrictYear}/results/approve`, {
      token: a,
      body: { decision: 'Quyết định số 1/QĐ-UBND huyện A', computedAt: new Date().toISOString() },
    });
    expect([approve.status, approve.body.code]).toEqual([403, 'COUNCIL_NOT_IN_CYCLE']);
    expect(await getCycle(noDistrictYear)).toEqual(before);
    expect(await getDraft(noDistrictYear, 'CNL-H-A')).toBeUndefined();

    const computed = await api('POST', `/v1/cycles/${noDistrictYear}/results/compute`, { token: await tokens.admin() });
    expect(computed.status).toBe(200);
    expect(computed.body.districts).toBeUndefined();
    expect(unitIds(computed.body.results)).toEqual(['CNL-X-A1', 'CNL-X-A2', 'CNL-X-B1']);
  });
});
