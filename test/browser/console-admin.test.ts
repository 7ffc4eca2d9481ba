/**
 * The administrator's screens in a real browser (ADM, years 2172 and 2175): the cycle with its
 * phase diagram, a deadline extended for one unit that the unit's clerk then sees, the framework
 * annex imported with its report and saved, and the yearly run followed while it runs and after a
 * reload. axe on each screen; screenshots for the README tour.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../infra/local/pipeline-runner.ts';
import { frameworkToAnnexRows, type Cell } from '../../shared/domain/framework-annex.ts';
import { annexWorkbook } from '../../shared/formats/annex-workbook.ts';
import { api, tokens } from '../support/api.ts';
import { cycleDeadlines, referenceFramework } from '../support/assessment-helpers.ts';
import { checkAccessibility, launch, newPage, phone, screenshot, signIn } from './support.ts';

const admin = 'Quản trị hệ thống (Sở Nội vụ)';
const year = 2172;
let browser: Browser;

async function openCycle(y: number) {
  const res = await api('POST', '/v1/cycles', {
    token: await tokens.admin(),
    body: { year: y, frameworks: { department: 'department-2024' }, deadlines: cycleDeadlines(y) },
  });
  expect([201, 409]).toContain(res.status);
}

beforeAll(async () => {
  browser = await launch();
  await openCycle(year);
}, 180_000);
afterAll(async () => {
  await browser?.close();
});

describe('the administrator', () => {
  it('extends the deadline for one unit; the audit shows it and that unit’s clerk sees the new deadline', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, admin, `/quan-tri/ky/${year}`);
    await page.getByRole('heading', { name: `Kỳ đánh giá ${year}` }).waitFor();
    await page.getByRole('img', { name: 'Sơ đồ giai đoạn của kỳ đánh giá' }).waitFor();
    await expect(page.locator('svg.phases .node.current').getAttribute('data-phase')).resolves.toBe('open');
    await page.getByLabel('Đơn vị', { exact: true }).selectOption('SCT');
    await page.waitForURL(/don-vi=SCT/);
    await page.getByLabel('Hạn nộp riêng của đơn vị').fill(`${year}-12-20T16:30`);
    await page.getByLabel('Lý do (ghi vào nhật ký)').fill('Sở bị mất điện ba ngày');
    await page.getByRole('button', { name: 'Lưu gia hạn' }).click();
    await page.getByText('Đã lưu hạn riêng của Sở Công Thương.').waitFor();
    const row = page.locator('table.cards tbody tr').first();
    await expect.poll(() => row.textContent()).toContain('Sở bị mất điện ba ngày');
    await expect(row.textContent()).resolves.toContain(`20/12/${year}`);
    const stored = await api('GET', `/v1/cycles/${year}`, { token: await tokens.admin() });
    expect(stored.body.extensions.SCT).toEqual({ selfAssessment: `${year}-12-20T16:30:00+07:00` });
    await checkAccessibility(page, 'admin cycle');
    await screenshot(page, 'admin-cycle', { top: true });
    await page.getByRole('heading', { name: 'Gia hạn và miễn trừ theo đơn vị' }).evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'admin-cycle-extension');
    await context.close();

    const clerk = await newPage(browser);
    await signIn(clerk.page, 'Cán bộ Sở Công Thương', `/don-vi/SCT?nam=${year}`);
    await clerk.page.getByRole('heading', { name: new RegExp(`Tự đánh giá ${year}`) }).waitFor();
    await expect(clerk.page.locator('.facts').first().textContent()).resolves.toMatch(new RegExp(`16:30.*20/12/${year}`));
    await clerk.context.close();
  });

  it('reads the cycle on a phone', async () => {
    const { context, page } = await newPage(browser, phone);
    await signIn(page, admin, `/quan-tri/ky/${year}?don-vi=SCT`);
    await page.getByText('Lịch sử gia hạn và miễn trừ').waitFor();
    await checkAccessibility(page, 'admin cycle (phone)');
    await screenshot(page, 'admin-cycle-phone', { top: true });
    await context.close();
  });

  it('imports a framework annex, reads the report and saves it; the tree shows the saved framework', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, admin, '/quan-tri/bo-tieu-chi?ma=department-2024');
    await page.getByRole('heading', { name: referenceFramework('department').name }).waitFor();
    // Broken annexes first: the report is worded in Vietnamese from the codes, the criterion named.
    const upload = async (name: string, rows: Cell[][]) =>
      page.getByLabel('Tệp phụ lục bộ chỉ số').setInputFiles({
        name,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await annexWorkbook(rows),
      });
    const broken = frameworkToAnnexRows(referenceFramework('department')).map((r) => [...r]);
    const header = broken.findIndex((r) => r[0] === 'STT');
    broken[header + 2]![3] = 'Bốc thăm';
    await upload('hong.xlsx', broken);
    await page
      .getByRole('list', { name: 'Các dòng không đọc được' })
      .getByText(`Dòng ${header + 3}: “Bốc thăm” không phải là phương pháp chấm`)
      .waitFor();
    const sums = frameworkToAnnexRows(referenceFramework('department')).map((r) => [...r]);
    sums[header + 1]![2] = 999;
    await upload('tong.xlsx', sums);
    await page
      .getByRole('list', { name: 'Các quy tắc bị vi phạm' })
      .getByText(`Tiêu chí ${String(sums[header + 1]![0])}: Điểm tối đa phải bằng tổng điểm các mục con`)
      .waitFor();
    await checkAccessibility(page, 'framework import report');
    const id = `ADM-browser-${Date.now()}`;
    const framework = { ...referenceFramework('department'), id, name: 'Bộ chỉ số sở, ngành (bản nhập thử)' };
    await page.getByLabel('Tệp phụ lục bộ chỉ số').setInputFiles({
      name: 'Phụ lục bộ chỉ số.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await annexWorkbook(frameworkToAnnexRows(framework)),
    });
    await page.getByText(/Phụ lục bộ chỉ số\.xlsx.*tiêu chí chấm điểm/).waitFor();
    await page.getByText('Bộ tiêu chí mới: chưa có trong hệ thống.').waitFor();
    expect((await api('GET', `/v1/frameworks/${id}`, { token: await tokens.admin() })).status).toBe(404);
    await checkAccessibility(page, 'framework import');
    await page.getByRole('heading', { name: 'Nhập bộ tiêu chí từ phụ lục (XLSX)' }).evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'admin-frameworks');
    await page.getByRole('button', { name: 'Lưu bộ tiêu chí' }).click();
    await page.waitForURL(new RegExp(`ma=${id}`));
    await page.getByRole('heading', { name: framework.name, exact: true }).waitFor();
    const saved = await api('GET', `/v1/frameworks/${id}`, { token: await tokens.admin() });
    expect(saved.status).toBe(200);
    expect(saved.body.name).toBe(framework.name);
    await page.getByLabel('Lý do khóa').fill('Quyết định ban hành bộ chỉ số');
    await page.getByRole('button', { name: 'Khóa bộ tiêu chí' }).click();
    await page.getByText(/Đã khóa lúc .*: không thể thay thế/).waitFor();
    expect((await api('GET', `/v1/frameworks/${id}/state`, { token: await tokens.admin() })).body.frozenAt).toEqual(expect.any(String));
    await context.close();
  });

  it('follows the yearly run while it runs and after a reload, then shows the failure with its reason', async () => {
    const runYear = 2175;
    await openCycle(runYear);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const run = runPipeline({
      year: runYear,
      executionName: `cycle-${runYear}-browser`,
      handlers: {
        LoadCycle: async () => {
          await gate;
          throw Object.assign(new Error('DynamoDB unreachable'), { name: 'ServiceUnavailable' });
        },
      },
    });
    const { context, page } = await newPage(browser);
    await signIn(page, admin, `/quan-tri/ky/${runYear}/quy-trinh`);
    const status = page.getByRole('status').filter({ hasText: 'Đang chạy' });
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain('Đọc kỳ đánh giá');
    await page.reload();
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain('Đọc kỳ đánh giá');
    release();
    expect((await run).status).toBe('FAILED');
    // No reload: the page keeps reading the API until the run has stopped.
    await page.getByText('Chi tiết kỹ thuật: DynamoDB unreachable').waitFor({ timeout: 30_000 });
    await page.getByRole('status').filter({ hasText: 'Thất bại: Dịch vụ tạm thời không sẵn sàng (ServiceUnavailable)' }).waitFor();
    await checkAccessibility(page, 'pipeline status');
    await screenshot(page, 'admin-pipeline', { top: true });
    await context.close();
  });
});
