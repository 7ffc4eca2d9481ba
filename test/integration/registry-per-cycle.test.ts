/**
 * The 2025 reform on DynamoDB Local: cycle A opens with districts; a Ba Tri commune then moves
 * under the province (PUT /v1/units); cycle B opens. Each cycle keeps the registry it froze: in A
 * the Ba Tri district appraises the commune and Sở Nội vụ may not; in B the reverse. The commune
 * is moved back afterwards so other files see the seeded registry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCycleRegistry } from '../../shared/store/cycles-store.ts';
import { loadAssessment } from '../../shared/store/assessment-store.ts';
import { api, tokens } from '../support/api.ts';
import { cycleDeadlines, fillSelfLeaves, pdfBytes, referenceFramework, uploadEvidence } from '../support/assessment-helpers.ts';

const [yearA, yearB] = [2067, 2068];
const commune = 'X-BATRI-TAN-XUAN';
const code = '1.1.1';
const district = () => tokens.appraiser('H-BATRI', '*', 'H-BATRI');
const snv = () => tokens.appraiser('SNV', '*');

async function moveCommune(parentId: string) {
  const admin = await tokens.admin();
  const current = (await api('GET', `/v1/units/${commune}`, { token: admin })).body;
  const res = await api('PUT', `/v1/units/${commune}`, {
    token: admin,
    body: { type: 'commune', name: current.name, parentId, expectedVersion: current.version },
  });
  expect(res.status).toBe(200);
}

async function openCycle(year: number) {
  const body = { year, frameworks: { commune: 'commune-2024' }, deadlines: cycleDeadlines(year) };
  const res = await api('POST', '/v1/cycles', { token: await tokens.admin(), body });
  expect(res.status).toBe(201);
}

async function submit(year: number) {
  const clerk = await tokens.unit(commune);
  const evidenceId = await uploadEvidence(clerk, year, commune, pdfBytes(`${commune}-${year}`));
  await api('POST', `/v1/cycles/${year}/units/${commune}/evidence/${evidenceId}/confirm`, { token: clerk });
  await fillSelfLeaves(clerk, year, commune, referenceFramework('commune'), evidenceId);
  expect((await api('POST', `/v1/cycles/${year}/units/${commune}/assessment/submit`, { token: clerk })).status).toBe(200);
}

const appraise = async (year: number, token: string) =>
  api('PUT', `/v1/cycles/${year}/units/${commune}/appraisal/items/${code}`, {
    token,
    body: { appraisedScore: 0, reason: 'Chưa đủ tài liệu kiểm chứng' },
  });

async function worklist(year: number, token: string): Promise<string[]> {
  const res = await api('GET', `/v1/cycles/${year}/appraisals?type=commune`, { token });
  expect(res.status).toBe(200);
  return res.body.assessments.map((a: { unitId: string }) => a.unitId);
}

beforeAll(async () => {
  await openCycle(yearA);
  await moveCommune('UBND-TINH');
  await openCycle(yearB);
  await submit(yearA);
  await submit(yearB);
}, 180_000);

afterAll(async () => moveCommune('H-BATRI'));

describe('a registry per cycle (the 2025 reform)', () => {
  it('freezes each cycle with the parents the registry had when it opened', async () => {
    const inA = (await getCycleRegistry(yearA))?.find((u) => u.id === commune);
    const inB = (await getCycleRegistry(yearB))?.find((u) => u.id === commune);
    expect(inA).toMatchObject({ parentId: 'H-BATRI', parentType: 'district' });
    expect(inB).toMatchObject({ parentId: 'UBND-TINH', parentType: 'province' });
    // The registry holds only the types the cycle assesses.
    expect((await getCycleRegistry(yearA))?.every((u) => u.type === 'commune')).toBe(true);
  });

  it('in cycle A the Ba Tri appraiser appraises the commune and Sở Nội vụ is refused, writing nothing', async () => {
    expect(await worklist(yearA, await district())).toContain(commune);
    expect(await worklist(yearA, await snv())).not.toContain(commune);
    const before = (await loadAssessment(yearA, commune)).items.get(code);
    const refused = await appraise(yearA, await snv());
    expect([refused.status, refused.body.code]).toEqual([403, 'OUTSIDE_SCOPE']);
    expect((await loadAssessment(yearA, commune)).items.get(code)).toEqual(before);
    expect((await appraise(yearA, await district())).status).toBe(200);
    expect((await loadAssessment(yearA, commune)).items.get(code)?.appraisedScore).toBe(0);
  });

  it('in cycle B Sở Nội vụ appraises the commune and the Ba Tri appraiser is refused, writing nothing', async () => {
    expect(await worklist(yearB, await snv())).toContain(commune);
    expect(await worklist(yearB, await district())).not.toContain(commune);
    const refused = await appraise(yearB, await district());
    expect([refused.status, refused.body.code]).toEqual([403, 'OUTSIDE_SCOPE']);
    expect((await loadAssessment(yearB, commune)).items.get(code)?.appraisedScore).toBeUndefined();
    expect((await appraise(yearB, await snv())).status).toBe(200);
    expect((await loadAssessment(yearB, commune)).items.get(code)?.appraisedScore).toBe(0);
  });
});
