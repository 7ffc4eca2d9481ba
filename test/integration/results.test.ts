import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { leaves } from '../../shared/domain/framework.ts';
import { getCycle } from '../../shared/store/cycles-store.ts';
import { getPublication } from '../../shared/store/results-store.ts';
import { api, tokens } from '../support/api.ts';
import { cycleDeadlines, fillSelfLeaves, pdfBytes, referenceFramework, uploadEvidence } from '../support/assessment-helpers.ts';

const year = 2035;
const framework = referenceFramework('district');
const base = (unitId: string) => `/v1/cycles/${year}/units/${unitId}`;
let districts: { id: string; name: string }[] = [];
const lowered = 'H-BATRI';
const loweredLeaf = leaves(framework).find((e) => e.leaf.method === 'self' && e.leaf.maxPoints >= 1)!.leaf;

beforeAll(async () => {
  const admin = await tokens.admin();
  const opened = await api('POST', '/v1/cycles', {
    token: admin,
    body: {
      year,
      frameworks: { district: 'district-2024' },
      surveys: { district: 'district-survey-2024' },
      deadlines: cycleDeadlines(year),
    },
  });
  expect(opened.status).toBe(201);
  districts = (await api('GET', '/v1/units?type=district', { token: admin })).body.units;
  const lead = await tokens.appraiser('SNV', '*');
  for (const d of districts) {
    const clerk = await tokens.unit(d.id);
    const evidenceId = await uploadEvidence(clerk, year, d.id, pdfBytes(d.id));
    expect((await api('POST', `${base(d.id)}/evidence/${evidenceId}/confirm`, { token: clerk })).status).toBe(200);
    await fillSelfLeaves(clerk, year, d.id, framework, evidenceId);
    expect((await api('POST', `${base(d.id)}/assessment/submit`, { token: clerk })).status).toBe(200);
    if (d.id === lowered) {
      const res = await api('PUT', `${base(d.id)}/appraisal/items/${loweredLeaf.code}`, {
        token: lead,
        body: { appraisedScore: 0, reason: 'Không có văn bản kiểm chứng hợp lệ' },
      });
      expect(res.status).toBe(200);
    }
    expect((await api('POST', `${base(d.id)}/appraisal/accept-remaining`, { token: lead })).status).toBe(200);
    if (d.id !== 'H-THANHPHU') expect((await api('POST', `${base(d.id)}/appraisal/finalize`, { token: lead })).status).toBe(200);
  }
}, 300_000);

describe('computation, approval and publication', () => {
  it('computes a draft from appraised scores, refuses approval while an appraisal is open, then publishes immutable reports', async () => {
    const admin = await tokens.admin();
    const council = await tokens.council();
    expect((await api('GET', `/v1/public/results/${year}`)).status).toBe(404);

    const first = await api('POST', `/v1/cycles/${year}/results/compute`, { token: admin });
    expect(first.status).toBe(200);
    expect(first.body.notFinalized).toEqual([{ unitId: 'H-THANHPHU', state: 'submitted' }]);
    const refused = await api('POST', `/v1/cycles/${year}/results/approve`, {
      token: council,
      body: { decision: 'Quyết định số 1/QĐ-HĐTĐ', computedAt: first.body.computedAt },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].path).toBe('units["H-THANHPHU"]');

    const lead = await tokens.appraiser('SNV', '*');
    expect((await api('POST', `${base('H-THANHPHU')}/appraisal/finalize`, { token: lead })).status).toBe(200);
    const draft = await api('POST', `/v1/cycles/${year}/results/compute`, { token: admin });
    expect(draft.body.notFinalized).toEqual([]);
    const results = draft.body.results.district;
    expect(results.units).toHaveLength(9);
    const selfMax =
      leaves(framework)
        .filter((e) => e.leaf.method === 'self')
        .reduce((s, e) => s + e.leaf.maxPoints * 4, 0) / 4;
    const surveyLeaves = leaves(framework)
      .filter((e) => e.leaf.method === 'survey')
      .map((e) => e.leaf.code);
    const top = results.units[0];
    // No survey answers in this cycle: survey leaves score 0 and are listed as missing.
    expect(top).toMatchObject({ rank: 1, total: selfMax, maxApplicable: 100, index: selfMax, missing: surveyLeaves });
    const last = results.units.at(-1);
    expect(last).toMatchObject({ unitId: lowered, rank: 9, total: selfMax - loweredLeaf.maxPoints });
    expect(results.units.slice(0, 8).every((u: { rank: number }) => u.rank === 1)).toBe(true);
    const names = results.units.slice(0, 8).map((u: { name: string }) => u.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
    expect(results.stats.district).toMatchObject({ count: 9, max: selfMax });

    const read = await api('GET', `/v1/cycles/${year}/results?type=district`, { token: council });
    expect(read.status).toBe(200);
    expect(read.body.computedAt).toBe(draft.body.computedAt);

    const stale = await api('POST', `/v1/cycles/${year}/results/approve`, {
      token: council,
      body: { decision: 'Quyết định số 2/QĐ-HĐTĐ', computedAt: first.body.computedAt },
    });
    expect(stale.status).toBe(409);
    expect(await getPublication(year)).toBeUndefined();

    const approved = await api('POST', `/v1/cycles/${year}/results/approve`, {
      token: council,
      body: { decision: 'Quyết định số 2/QĐ-HĐTĐ', computedAt: draft.body.computedAt },
    });
    expect(approved.status).toBe(200);
    expect(approved.body.files.map((f: { name: string }) => f.name).sort()).toEqual([
      `data-dictionary-${year}.csv`,
      `open-data-${year}.csv`,
      `open-data-${year}.json`,
      `report-${year}.html`,
      `results-${year}-excel.csv`,
      `results-${year}.csv`,
      `results-${year}.json`,
      `results-${year}.xlsx`,
    ]);
    expect((await getCycle(year))?.phase).toBe('published');

    const published = await api('GET', `/v1/public/results/${year}?type=district`);
    expect(published.status).toBe(200);
    expect(published.body.results.district).toEqual(results);
    expect(published.body.notFinalized).toBeUndefined();
    const reports = await api('GET', `/v1/public/results/${year}/reports`);
    for (const file of reports.body.files) {
      const bytes = Buffer.from(await (await fetch(file.url)).arrayBuffer());
      expect(bytes.length, file.name).toBe(file.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), file.name).toBe(file.sha256);
    }
    const csv = Buffer.from(
      await (await fetch(reports.body.files.find((f: { name: string }) => f.name === `results-${year}.csv`).url)).arrayBuffer(),
    ).toString('utf8');
    expect(csv.split('\r\n')[1]).toContain(results.units[0].unitId);

    expect((await api('POST', `/v1/cycles/${year}/results/compute`, { token: admin })).status).toBe(409);
    const again = await api('POST', `/v1/cycles/${year}/results/approve`, {
      token: council,
      body: { decision: 'Quyết định khác', computedAt: draft.body.computedAt },
    });
    expect(again.status).toBe(409);
    expect((await getPublication(year))?.decision).toBe('Quyết định số 2/QĐ-HĐTĐ');
  });
});
