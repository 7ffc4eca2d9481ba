/**
 * Two consecutive published years through the real API: the second year's draft compares every
 * district with the first, the explanation route traces one district's result, the public API
 * serves both years, a district's history and the open data; every report file is also a plain
 * file under the runtime's reports folder, served at /reports/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject, beforeAll, describe, expect, it } from 'vitest';
import { leaves } from '../../shared/domain/framework.ts';
import { api, apiUrl, tokens } from '../support/api.ts';
import { publishedReports } from '../support/reports.ts';
import { cycleDeadlines, fillSelfLeaves, pdfBytes, referenceFramework, uploadEvidence } from '../support/assessment-helpers.ts';

const [first, second] = [2041, 2042];
const framework = referenceFramework('district');
const leaf = leaves(framework).find((e) => e.leaf.method === 'self' && e.leaf.maxPoints >= 1)!.leaf;
const reason = 'Không có văn bản kiểm chứng hợp lệ';

/** A year where every district scores the maximum except `lowered`, which loses `leaf`. */
async function publishYear(year: number, lowered: string) {
  const admin = await tokens.admin();
  const opened = await api('POST', '/v1/cycles', {
    token: admin,
    body: { year, frameworks: { district: 'district-2024' }, deadlines: cycleDeadlines(year) },
  });
  expect(opened.status).toBe(201);
  const districts: { id: string }[] = (await api('GET', '/v1/units?type=district', { token: admin })).body.units;
  const lead = await tokens.appraiser('SNV', '*');
  for (const d of districts) {
    const base = `/v1/cycles/${year}/units/${d.id}`;
    const clerk = await tokens.unit(d.id);
    const evidenceId = await uploadEvidence(clerk, year, d.id, pdfBytes(`${year} ${d.id}`));
    expect((await api('POST', `${base}/evidence/${evidenceId}/confirm`, { token: clerk })).status).toBe(200);
    await fillSelfLeaves(clerk, year, d.id, framework, evidenceId);
    expect((await api('POST', `${base}/assessment/submit`, { token: clerk })).status).toBe(200);
    if (d.id === lowered)
      expect((await api('PUT', `${base}/appraisal/items/${leaf.code}`, { token: lead, body: { appraisedScore: 0, reason } })).status).toBe(
        200,
      );
    expect((await api('POST', `${base}/appraisal/accept-remaining`, { token: lead })).status).toBe(200);
    expect((await api('POST', `${base}/appraisal/finalize`, { token: lead })).status).toBe(200);
  }
  const draft = await api('POST', `/v1/cycles/${year}/results/compute`, { token: admin });
  expect(draft.status).toBe(200);
  return draft.body;
}

let draft2: any;

beforeAll(async () => {
  const draft1 = await publishYear(first, 'H-BATRI');
  const council = await tokens.council();
  const approved = await api('POST', `/v1/cycles/${first}/results/approve`, {
    token: council,
    body: { decision: 'Quyết định số 1/QĐ-HĐTĐ', computedAt: draft1.computedAt },
  });
  expect(approved.status).toBe(200);
  draft2 = await publishYear(second, 'H-THANHPHU');
}, 600_000);

describe('year over year, explanation and open data', () => {
  it('compares each district with the year before, overall and per area', () => {
    const r = draft2.results.district;
    expect(r.previousYear).toBe(first);
    const up = r.units.find((u: any) => u.unitId === 'H-BATRI');
    const down = r.units.find((u: any) => u.unitId === 'H-THANHPHU');
    // H-BATRI was last (rank 9) with one leaf at 0; now at the top with the 8 others tied at rank 1.
    expect(up.previous).toMatchObject({ year: first, rank: 9, unitIds: ['H-BATRI'] });
    expect(up.change).toEqual({ index: leaf.maxPoints, rank: 8 });
    expect(down.change).toEqual({ index: -leaf.maxPoints, rank: -8 });
    const area = down.areas.find((a: any) => a.code === leaf.code.split('.')[0]);
    expect(area.comparison).toBe('same-framework');
    expect(area.change).toBeLessThan(0);
    // Only H-THANHPHU lost points on the leaf; its five weakest leaves come most points lost first.
    expect(r.analysis.leaves.find((l: any) => l.code === leaf.code)).toMatchObject({ lost: leaf.maxPoints, gap: leaf.maxPoints });
    const lost = down.weakest.map((w: any) => w.lost);
    expect(lost).toHaveLength(5);
    expect(lost).toEqual([...lost].sort((a: number, b: number) => b - a));
    expect(r.analysis.gapsByUnit).toEqual([{ unitId: 'H-THANHPHU', name: down.name, gap: leaf.maxPoints, leaves: 1 }]);
  });

  it('explains one district: leaves with both scores and rounds, areas, rank with its ties, next band', async () => {
    const council = await tokens.council();
    const res = await api('GET', `/v1/cycles/${second}/results/units/H-THANHPHU/explanation`, { token: council });
    expect(res.status).toBe(200);
    const e = res.body;
    expect(e).toMatchObject({ status: 'draft', unitId: 'H-THANHPHU', rank: { rank: 9, of: 9, tiedWith: [] } });
    const traced = e.leaves.find((l: any) => l.code === leaf.code);
    expect(traced).toMatchObject({ selfScore: leaf.maxPoints, score: 0, lost: leaf.maxPoints, missing: false });
    expect(traced.rounds).toEqual([expect.objectContaining({ round: 1, score: 0, reason })]);
    expect(e.leaves).toHaveLength(leaves(framework).length);
    expect(e.totals.index).toBe(draft2.results.district.units.find((u: any) => u.unitId === 'H-THANHPHU').index);
    if (e.nextBand) {
      const [set] = e.nextBand.sets;
      expect(set.reduce((s: number, x: any) => s + x.available, 0)).toBeGreaterThanOrEqual(e.nextBand.pointsNeeded);
      expect(set).toHaveLength(e.nextBand.leavesNeeded);
    }
    const top = await api('GET', `/v1/cycles/${second}/results/units/H-BATRI/explanation`, { token: council });
    expect(top.body.rank.tiedWith).toHaveLength(7);
    const unknown = await api('GET', `/v1/cycles/${second}/results/units/SNV/explanation`, { token: council });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('UNIT_NOT_FOUND');
  });

  it('publishes the second year: public years, a unit history, open data and the reports as plain files served over HTTP', async () => {
    const council = await tokens.council();
    const approved = await api('POST', `/v1/cycles/${second}/results/approve`, {
      token: council,
      body: { decision: 'Quyết định số 2/QĐ-HĐTĐ', computedAt: draft2.computedAt },
    });
    expect(approved.status).toBe(200);
    const years = await api('GET', '/v1/public/results');
    expect(years.body.years).toEqual(expect.arrayContaining([first, second]));
    const history = await api('GET', '/v1/public/units/H-BATRI/results');
    expect(history.status).toBe(200);
    const mine = history.body.years.filter((y: any) => y.year === first || y.year === second);
    expect(mine.map((y: any) => [y.year, y.rank])).toEqual([
      [first, 9],
      [second, 1],
    ]);
    expect(mine[1].change).toEqual({ index: leaf.maxPoints, rank: 8 });
    expect((await api('GET', '/v1/public/units/NO-SUCH-UNIT/results')).status).toBe(404);

    const open = await api('GET', `/v1/public/results/${second}/open-data`);
    expect(open.status).toBe(200);
    expect(open.body.units.find((u: any) => u.unit_id === 'H-BATRI')).toMatchObject({
      year: second,
      rank: 1,
      previous_rank: 9,
      change_rank: 8,
    });

    const reports = await publishedReports(second);
    expect(reports.body.files).toHaveLength(8);
    const dir = join(inject('localDir'), 'reports', String(second));
    for (const name of [
      'results.json',
      'results.csv',
      'results-excel.csv',
      'results.xlsx',
      'results.html',
      'open-data.json',
      'open-data.csv',
      'data-dictionary.csv',
    ])
      expect(existsSync(join(dir, name)), name).toBe(true);
    const html = readFileSync(join(dir, 'results.html'), 'utf8');
    expect(html).toContain(`So sánh với kết quả đã công bố năm ${first}`);
    const served = await fetch(`${apiUrl}/reports/${second}/results.html`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toMatch(/text\/html/);
    expect(await served.text()).toBe(html);
    const checksum = reports.body.files.find((f: any) => f.name === `report-${second}.html`).sha256;
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(html).digest('hex')).toBe(checksum);
    expect((await fetch(`${apiUrl}/reports/..%2F..%2Fkeys`)).status).toBe(404);
  });
});
