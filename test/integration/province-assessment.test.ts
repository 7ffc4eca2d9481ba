/**
 * The province's own self-assessment on DynamoDB Local (issue 11 item 4): each department writes
 * only the leaves of the areas the cycle assigns it, Sở Nội vụ coordinates (survey leaves, submit),
 * the export in the Ministry's form lists every leaf with its evidence, and the Ministry's score is
 * recorded afterwards with optimistic locking and an audit event. Refusals are read back.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/par.ts';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { leaves } from '../../shared/domain/framework.ts';
import type { Framework } from '../../shared/schemas/files/framework.ts';
import { loadAssessment } from '../../shared/store/assessment-store.ts';
import { getMinistryScore } from '../../shared/store/ministry-score-store.ts';
import { api, tokens } from '../support/api.ts';
import { cycleDeadlines, pdfBytes, uploadEvidence } from '../support/assessment-helpers.ts';

const year = 2141;
const province = 'UBND-TINH';
const framework = JSON.parse(readFileSync('reference/frameworks/province-2024.json', 'utf8')) as Framework;
const { assignment } = JSON.parse(readFileSync('reference/cycles/province-2024.json', 'utf8')) as { assignment: Record<string, string[]> };
const base = `/v1/cycles/${year}/units/${province}`;
const put = (token: string, code: string, body: Record<string, unknown>) => api('PUT', `${base}/assessment/items/${code}`, { token, body });
const evidenceFile = (unit: string) => `minh-chung-${unit.toLowerCase()}.pdf`;

async function evidenceOf(unitId: string) {
  const token = await tokens.unit(unitId);
  const id = await uploadEvidence(token, year, province, pdfBytes(`${unitId} ${year}`), evidenceFile(unitId));
  expect((await api('POST', `${base}/evidence/${id}/confirm`, { token })).status).toBe(200);
  return id;
}

const score = (evidenceId: string, maxPoints: number) => ({ selfScore: maxPoints, evidence: [{ evidenceId, page: 'tr. 3' }] });

beforeAll(async () => {
  const body = { year, frameworks: { province: 'province-2024' }, appraisal: { province: assignment }, deadlines: cycleDeadlines(year) };
  const res = await api('POST', '/v1/cycles', { token: await tokens.admin(), body });
  expect(res.status).toBe(201);
});

describe('area ownership on the province assessment', () => {
  it("lets Sở Tư pháp write area 2 and refuses area 3 (Văn phòng UBND's), writing nothing", async () => {
    const stp = await tokens.unit('STP');
    const evidenceId = await evidenceOf('STP');
    expect((await put(stp, '2.1', score(evidenceId, 2))).status).toBe(200);
    const refused = await put(stp, '3.2', score(evidenceId, 3));
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('AREA_NOT_ASSIGNED');
    expect(refused.body.detail).toContain('VPUBND');
    const stored = await loadAssessment(year, province);
    expect(stored.items.get('2.1')?.selfScore).toBe(2);
    expect(stored.items.has('3.2')).toBe(false);
  });

  it('gives 7.4 to Sở KH&CN, not to Sở TT&TT that holds area 7 (the most specific code wins)', async () => {
    const evidenceId = await evidenceOf('SKHCN');
    const stttt = await put(await tokens.unit('STTTT'), '7.4', score(evidenceId, 3));
    expect(stttt.status).toBe(403);
    expect(stttt.body.code).toBe('AREA_NOT_ASSIGNED');
    expect((await loadAssessment(year, province)).items.has('7.4')).toBe(false);
    expect((await put(await tokens.unit('SKHCN'), '7.4', score(evidenceId, 3))).status).toBe(200);
    expect((await loadAssessment(year, province)).items.get('7.4')?.selfScore).toBe(3);
  });

  it('keeps a department the cycle names nowhere out: no read, no evidence, no score', async () => {
    const sct = await tokens.unit('SCT');
    expect((await api('GET', `${base}/assessment`, { token: sct })).status).toBe(404);
    const created = await api('POST', `${base}/evidence`, {
      token: sct,
      body: { fileName: 'x.pdf', contentType: 'application/pdf', size: 10, sha256: 'a'.repeat(64) },
    });
    expect(created.status).toBe(404);
    expect((await put(sct, '4.1', { selfScore: 1 })).status).toBe(404);
    const stored = await loadAssessment(year, province);
    expect(stored.items.has('4.1')).toBe(false);
    expect([...stored.evidence.values()].some((e) => e.createdBy.includes('SCT'))).toBe(false);
  });

  it("tells each contributor which leaves are its own; Sở Nội vụ's are all", async () => {
    const forStp = await api('GET', `${base}/assessment`, { token: await tokens.unit('STP') });
    expect(forStp.status).toBe(200);
    expect(forStp.body.collaboration.coordinator).toBe(false);
    expect(forStp.body.collaboration.writableCodes).toEqual(['2.1', '2.2', '2.3']);
    const forSnv = await api('GET', `${base}/assessment`, { token: await tokens.unit('SNV') });
    expect(forSnv.body.collaboration.coordinator).toBe(true);
    expect(forSnv.body.collaboration.writableCodes).toHaveLength(leaves(framework).length);
  });

  it('leaves the survey leaves the Ministry publishes to Sở Nội vụ', async () => {
    const stp = await put(await tokens.unit('STP'), '2.4', { selfScore: 2.5 });
    expect(stp.status).toBe(403);
    expect(stp.body.code).toBe('COORDINATOR_ONLY');
    expect((await loadAssessment(year, province)).items.has('2.4')).toBe(false);
    expect((await put(await tokens.unit('SNV'), '2.4', { selfScore: 2.47, note: 'Bộ Nội vụ công bố' })).status).toBe(400);
    expect((await put(await tokens.unit('SNV'), '2.4', { selfScore: 2.5, note: 'Bộ Nội vụ công bố' })).status).toBe(200);
    expect((await loadAssessment(year, province)).items.get('2.4')?.selfScore).toBe(2.5);
  });
});

describe('submission, export and the Ministry score', () => {
  it('refuses the Ministry score before submission', async () => {
    const res = await api('PUT', `${base}/ministry-score`, { token: await tokens.admin(), body: { total: 80, expectedVersion: 0 } });
    expect(res.status).toBe(409);
    expect(await getMinistryScore(year, province)).toBeUndefined();
  });

  it('lets only Sở Nội vụ submit, once every self leaf is scored', async () => {
    const stp = await api('POST', `${base}/assessment/submit`, { token: await tokens.unit('STP') });
    expect(stp.status).toBe(403);
    expect(stp.body.code).toBe('COORDINATOR_ONLY');
    const snv = await tokens.unit('SNV');
    const incomplete = await api('POST', `${base}/assessment/submit`, { token: snv });
    expect(incomplete.status).toBe(422);
    expect((await loadAssessment(year, province)).header?.state).toBe('draft');
    const evidenceId = await evidenceOf('SNV');
    const done = new Set((await loadAssessment(year, province)).items.keys());
    for (const { leaf } of leaves(framework)) {
      if (leaf.method !== 'self' || done.has(leaf.code)) continue;
      expect((await put(snv, leaf.code, score(evidenceId, leaf.maxPoints))).status).toBe(200);
    }
    const submitted = await api('POST', `${base}/assessment/submit`, { token: snv });
    expect(submitted.status).toBe(200);
    expect((await loadAssessment(year, province)).header?.state).toBe('submitted');
  });

  it('exports XLSX in the form layout: every leaf with its self score and evidence', async () => {
    const res = await api('GET', `${base}/ministry-export?format=xlsx`, { token: await tokens.unit('STP') });
    expect(res.status).toBe(200);
    expect(res.body.fileName).toBe(`chi-so-cchc-${year}-${province}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(res.body.content, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(3).getCell(1).value).toBe('STT');
    const rows = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row) => {
      if (typeof row.getCell(1).value === 'string') rows.set(row.getCell(1).value as string, row);
    });
    for (const { leaf } of leaves(framework)) expect(rows.has(leaf.code), leaf.code).toBe(true);
    expect(rows.get('2.1')!.getCell(4).value).toBe(2);
    expect(String(rows.get('2.1')!.getCell(6).value)).toContain(`${evidenceFile('STP')} (tr. 3)`);
    expect(String(rows.get('7.4')!.getCell(6).value)).toContain(evidenceFile('SKHCN'));
    expect(rows.get('7.4')!.getCell(8).value).toBe('SKHCN');
    expect(rows.get('2.4')!.getCell(4).value).toBe(2.5);
  });

  it('exports print-ready HTML holding every leaf and its evidence', async () => {
    const res = await api('GET', `${base}/ministry-export?format=html`, { token: await tokens.unit('SNV') });
    expect(res.status).toBe(200);
    const html: string = res.body.content;
    expect(html).toContain('@page');
    for (const { leaf } of leaves(framework)) expect(html, leaf.code).toContain(`id="leaf-${leaf.code}"`);
    for (const unit of ['STP', 'SKHCN', 'SNV']) expect(html).toContain(evidenceFile(unit));
    expect(html).toContain('Chưa có điểm thẩm định của Bộ Nội vụ');
  });

  it("records the Ministry's score: coordinator or admin, validated, locked, audited, shown beside the self score", async () => {
    const path = `${base}/ministry-score`;
    const stp = await api('PUT', path, { token: await tokens.unit('STP'), body: { total: 80, expectedVersion: 0 } });
    expect(stp.status).toBe(403);
    const bad = await api('PUT', path, { token: await tokens.unit('SNV'), body: { areas: { '2': 10, '9': 1 }, expectedVersion: 0 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.areas["2"]', 'body.areas["9"]']);
    expect(await getMinistryScore(year, province)).toBeUndefined();
    const areas = { '1': 9.5, '2': 8, '3': 13, '4': 9, '5': 12, '6': 9.25, '7': 12.5, '8': 17.31 };
    const first = await api('PUT', path, {
      token: await tokens.unit('SNV'),
      body: { areas, decision: 'Quyết định 123/QĐ-BNV', expectedVersion: 0 },
    });
    expect(first.status).toBe(200);
    expect(first.body.score.total).toBe(90.56);
    const area2 = first.body.comparison.areas.find((a: { code: string }) => a.code === '2');
    // 2.1–2.3 at their maximum (6) and the survey leaf 2.4 entered as 2.5.
    expect(area2).toMatchObject({ self: 8.5, ministry: 8, difference: -0.5 });
    const stale = await api('PUT', path, { token: await tokens.admin(), body: { total: 85, expectedVersion: 0 } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect((await getMinistryScore(year, province))?.total).toBe(90.56);
    const second = await api('PUT', path, {
      token: await tokens.admin(),
      body: { areas, total: 90.5, reason: 'Bộ Nội vụ đính chính', expectedVersion: 1 },
    });
    expect(second.status).toBe(200);
    expect(second.body.version).toBe(2);
    const history = await api('GET', `/v1/cycles/${year}/units/${province}/history`, { token: await tokens.admin() });
    const recorded = history.body.events.filter((e: { action: string }) => e.action === 'ministry-score.recorded');
    expect(recorded).toHaveLength(2);
    expect(recorded[0].reason).toBe('Bộ Nội vụ đính chính');
    const html = (await api('GET', `${base}/ministry-export?format=html`, { token: await tokens.admin() })).body.content as string;
    expect(html).toContain('90,50');
  });

  it('writes the same form with `par ministry-export`', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'prv-')), 'bieu.html');
    const printed: string[] = [];
    const code = await main(['ministry-export', '--year', String(year), '--format', 'html', '--out', out], {
      stdout: (t) => printed.push(t),
      stderr: (t) => printed.push(t),
    });
    expect(code, printed.join('')).toBe(0);
    const html = readFileSync(out, 'utf8');
    for (const { leaf } of leaves(framework)) expect(html).toContain(`id="leaf-${leaf.code}"`);
    // The recorded Ministry total (the second recording replaced the first), with a decimal comma.
    expect(html).toContain('<td class="n">90,50</td>');
  });
});
