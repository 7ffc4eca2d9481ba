/**
 * The administrator opens a year that has no cycle from the console, the next year's form is
 * prefilled from it shifted by a year, and the open cycle's registry is refreshed with its diff
 * (ADM2, years 2196-2197, the test's own ADM2- unit, deleted afterwards); then Sở Nội vụ records
 * the Ministry's score of the submitted province assessment (2197). axe on each new state.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeleteCommand } from '../../shared/store/dynamo/commands.ts';
import { dynamo, tableName } from '../../shared/store/clients.ts';
import { unitKeys } from '../../shared/store/entities/unit.ts';
import { readFileSync } from 'node:fs';
import { leaves } from '../../shared/domain/framework.ts';
import type { Framework } from '../../shared/schemas/files/framework.ts';
import { api, tokens } from '../support/api.ts';
import { cycleDeadlines, pdfBytes, uploadEvidence } from '../support/assessment-helpers.ts';
import { checkAccessibility, launch, newPage, phone, screenshot, signIn } from './support.ts';

const admin = 'Quản trị hệ thống (Sở Nội vụ)';
const year = 2196;
const unitId = 'ADM2-X1';
const dates = {
  selfAssessment: `${year}-12-15`,
  appraisal: `${year + 1}-01-10`,
  explanation: `${year + 1}-01-20`,
  survey: `${year + 1}-01-20`,
  finalAppraisal: `${year + 1}-01-31`,
  publication: `${year + 1}-02-28`,
};
const labels: Record<keyof typeof dates, string> = {
  selfAssessment: 'Hạn nộp tự đánh giá',
  appraisal: 'Hạn thẩm định vòng 1',
  explanation: 'Hạn giải trình',
  survey: 'Hạn khảo sát',
  finalAppraisal: 'Hạn thẩm định cuối',
  publication: 'Hạn công bố',
};
const typeLabels = ['Tỉnh', 'Sở, ban, ngành', 'Huyện, thành phố', 'Xã, phường, thị trấn'];
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await dynamo().send(new DeleteCommand({ TableName: tableName(), Key: unitKeys.item(unitId) }));
});

describe('the administrator opens a cycle', () => {
  it('opens a year without a cycle from the form; the screen then shows it, and the next year is prefilled from it', async () => {
    expect((await api('GET', `/v1/cycles/${year}`, { token: await tokens.admin() })).status).toBe(404);
    const { context, page } = await newPage(browser);
    await signIn(page, admin, `/quan-tri/ky/${year}`);
    await page.getByRole('heading', { name: `Mở kỳ đánh giá ${year}` }).waitFor();
    await page.getByText(`Năm ${year} chưa có kỳ đánh giá.`).waitFor();
    // Whatever an earlier year prefilled, this cycle assesses departments only and names no survey.
    const frameworks = page.getByRole('group', { name: 'Bộ tiêu chí theo loại đơn vị' });
    const surveys = page.getByRole('group', { name: 'Phiếu khảo sát theo loại đơn vị' });
    for (const label of typeLabels) {
      await frameworks.getByLabel(label).fill(label === 'Sở, ban, ngành' ? 'department-2024' : '');
      await surveys.getByLabel(label).fill('');
    }
    for (const [k, v] of Object.entries(dates)) await page.getByLabel(labels[k as keyof typeof dates]).fill(v);
    await checkAccessibility(page, 'admin open cycle');
    await screenshot(page, 'admin-open-cycle', { top: true });
    await page.getByRole('button', { name: 'Mở kỳ đánh giá' }).click();
    await page.getByRole('heading', { name: /^Giai đoạn: / }).waitFor();
    const stored = await api('GET', `/v1/cycles/${year}`, { token: await tokens.admin() });
    expect(stored.status).toBe(200);
    expect(stored.body.frameworks).toEqual({ department: 'department-2024' });
    expect(stored.body.phase).toBe('open');
    expect(stored.body.deadlines.selfAssessment).toMatch(new RegExp(`^${dates.selfAssessment}T\\d\\d:\\d\\d:00\\+07:00$`));
    expect(stored.body.deadlines.publication).toMatch(new RegExp(`^${dates.publication}T`));
    await context.close();

    // The next year's form on a phone.
    const next = await newPage(browser, phone);
    await signIn(next.page, admin, `/quan-tri/ky/${year + 1}`);
    await next.page.getByText(`Điền sẵn theo kỳ ${year}, các hạn lùi thêm 1 năm`, { exact: false }).waitFor();
    const nextFrameworks = next.page.getByRole('group', { name: 'Bộ tiêu chí theo loại đơn vị' });
    await expect(nextFrameworks.getByLabel('Sở, ban, ngành').inputValue()).resolves.toBe('department-2024');
    await expect(next.page.getByLabel('Hạn nộp tự đánh giá').inputValue()).resolves.toBe(`${year + 1}-12-15`);
    await expect(next.page.getByLabel('Hạn công bố').inputValue()).resolves.toBe(`${year + 2}-02-28`);
    expect((await api('GET', `/v1/cycles/${year + 1}`, { token: await tokens.admin() })).status).toBe(404);
    await checkAccessibility(next.page, 'admin open cycle prefilled (phone)');
    await screenshot(next.page, 'admin-open-cycle-phone', { top: true });
    await next.context.close();
  });

  it('refreshes the open cycle’s registry: a department created after opening is listed as added', async () => {
    const token = await tokens.admin();
    const csv = `id,type,name,parent\n${unitId},department,Sở Thử Mở Kỳ,UBND-TINH\n`;
    const imported = await api('POST', '/v1/registry/imports', {
      token,
      body: { fileName: 'moi.csv', contentBase64: Buffer.from(csv).toString('base64'), dryRun: false },
    });
    expect(imported.body.summary.create).toBe(1);
    const before = (await api('GET', `/v1/cycles/${year}`, { token })).body;
    const { context, page } = await newPage(browser);
    await signIn(page, admin, `/quan-tri/ky/${year}`);
    await page.getByRole('heading', { name: 'Danh mục đơn vị của kỳ' }).waitFor();
    await page.getByLabel('Lý do cập nhật danh mục').fill('Sở mới thành lập');
    await page.getByRole('button', { name: 'Cập nhật danh mục đơn vị' }).click();
    await page.getByRole('heading', { name: 'Thêm vào kỳ: 1' }).waitFor();
    await page.getByText(`Sở Thử Mở Kỳ (${unitId})`).waitFor();
    await page.getByText(`Phiên bản ${before.version + 1}`).waitFor();
    const registry = await api('GET', `/v1/cycles/${year}/registry`, { token });
    expect(JSON.stringify(registry.body)).toContain(unitId);
    await checkAccessibility(page, 'admin registry refresh');
    await context.close();
  });
});

describe("the Ministry's score on the province assessment", () => {
  const province = 'UBND-TINH';
  const base = `/v1/cycles/${year + 1}/units/${province}`;

  /** Sở Nội vụ scores every self leaf at its maximum with one evidence document, and submits. */
  async function submittedProvince() {
    const framework = JSON.parse(readFileSync('reference/frameworks/province-2024.json', 'utf8')) as Framework;
    const { assignment } = JSON.parse(readFileSync('reference/cycles/province-2024.json', 'utf8')) as {
      assignment: Record<string, string[]>;
    };
    const body = {
      year: year + 1,
      frameworks: { province: 'province-2024' },
      appraisal: { province: assignment },
      deadlines: cycleDeadlines(year + 1),
    };
    expect((await api('POST', '/v1/cycles', { token: await tokens.admin(), body })).status).toBe(201);
    const snv = await tokens.unit('SNV');
    const evidenceId = await uploadEvidence(snv, year + 1, province, pdfBytes(`ADM2 ${year + 1}`), 'minh-chung-snv.pdf');
    expect((await api('POST', `${base}/evidence/${evidenceId}/confirm`, { token: snv })).status).toBe(200);
    for (const { leaf } of leaves(framework)) {
      if (leaf.method !== 'self') continue;
      const item = { selfScore: leaf.maxPoints, evidence: [{ evidenceId, page: 'tr. 1' }] };
      expect((await api('PUT', `${base}/assessment/items/${leaf.code}`, { token: snv, body: item })).status).toBe(200);
    }
    expect((await api('POST', `${base}/assessment/submit`, { token: snv })).status).toBe(200);
  }

  it('lets Sở Nội vụ record the total and decision; a score recorded meanwhile is a conflict in Vietnamese', async () => {
    await submittedProvince();
    const { context, page } = await newPage(browser);
    await signIn(page, 'Cán bộ Sở Nội vụ — chủ trì hồ sơ CCHC của tỉnh', `/don-vi/${province}?nam=${year + 1}`);
    await page.getByRole('heading', { name: 'Ghi điểm Bộ Nội vụ thẩm định' }).waitFor();
    await page.getByLabel('Tổng điểm Bộ Nội vụ').fill('81,5');
    await page.getByLabel('Quyết định công bố').fill('Quyết định số 12/QĐ-BNV');
    await checkAccessibility(page, 'ministry score form');
    await page.getByRole('button', { name: 'Lưu điểm Bộ Nội vụ' }).click();
    await page.getByText('Đã ghi điểm Bộ Nội vụ thẩm định.').waitFor();
    await page.getByRole('heading', { name: 'Điểm Bộ Nội vụ thẩm định (Quyết định số 12/QĐ-BNV)' }).waitFor();
    const stored = await api('GET', `${base}/ministry-score`, { token: await tokens.admin() });
    expect(stored.body.score).toMatchObject({ total: 81.5, decision: 'Quyết định số 12/QĐ-BNV', version: 1 });
    await expect(page.getByRole('row', { name: /^Tổng điểm/ }).textContent()).resolves.toContain('81,5');

    // The admin records a correction meanwhile: the clerk's save (at version 1) is refused and writes nothing.
    const admin = await api('PUT', `${base}/ministry-score`, { token: await tokens.admin(), body: { total: 82, expectedVersion: 1 } });
    expect(admin.status).toBe(200);
    await page.getByLabel('Tổng điểm Bộ Nội vụ').fill('80');
    await page.getByRole('button', { name: 'Lưu điểm Bộ Nội vụ' }).click();
    await page.getByText('Người khác vừa thay đổi nội dung này.', { exact: false }).waitFor();
    const after = await api('GET', `${base}/ministry-score`, { token: await tokens.admin() });
    expect(after.body.score).toMatchObject({ total: 82, version: 2 });
    await checkAccessibility(page, 'ministry score conflict');
    await screenshot(page, 'ministry-score-form');
    await page.getByRole('button', { name: 'Đọc lại điểm đã ghi' }).click();
    await expect.poll(() => page.getByLabel('Tổng điểm Bộ Nội vụ').inputValue()).toBe('82');
    await context.close();
  });
});
