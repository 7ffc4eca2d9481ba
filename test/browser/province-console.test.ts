/**
 * The province's assessment in a real browser: Sở Tư pháp's clerk sees another department's leaf
 * read-only with the owner named, scores its own leaf and finds no submit button; Sở Nội vụ's clerk
 * sees the submit button and downloads the Ministry's form. axe on each screen; screenshots.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, tokens } from '../support/api.ts';
import { cycleDeadlines } from '../support/assessment-helpers.ts';
import { checkAccessibility, launch, newPage, phone, screenshot, signIn } from './support.ts';

const year = 2142;
const province = 'UBND-TINH';
const screen = (code: string) => `/don-vi/${province}?nam=${year}&muc=${code}`;
let browser: Browser;

beforeAll(async () => {
  const { assignment } = JSON.parse(readFileSync('reference/cycles/province-2024.json', 'utf8')) as { assignment: unknown };
  const body = { year, frameworks: { province: 'province-2024' }, appraisal: { province: assignment }, deadlines: cycleDeadlines(year) };
  expect((await api('POST', '/v1/cycles', { token: await tokens.admin(), body })).status).toBe(201);
  browser = await launch();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

describe("the province's assessment in the console", () => {
  it("shows a department another department's leaf read-only and lets it score its own", async () => {
    const { context, page } = await newPage(browser, phone);
    await signIn(page, /Sở Tư pháp — lĩnh vực 2/, screen('3.2'));
    await page.getByRole('heading', { name: /Tự đánh giá 2142: Ủy ban nhân dân tỉnh/ }).waitFor();
    await page.getByText('Tiêu chí này thuộc lĩnh vực giao cho Văn phòng Ủy ban nhân dân tỉnh.', { exact: false }).waitFor();
    expect(await page.getByLabel('Điểm tự chấm').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Nộp hồ sơ tự đánh giá' }).count()).toBe(0);
    await page.getByText(/Sở Nội vụ \(SNV\) tổng hợp và nộp/).waitFor();
    await checkAccessibility(page, 'province leaf read-only (phone)');
    await screenshot(page, 'province-contributor-phone');

    await page.goto(screen('2.2'));
    await page.getByLabel('Điểm tự chấm').selectOption('1');
    await page.locator('.save-status', { hasText: 'Đã lưu' }).waitFor();
    const stored = await api('GET', `/v1/cycles/${year}/units/${province}/assessment`, { token: await tokens.unit('SNV') });
    expect(stored.body.items.find((i: { code: string }) => i.code === '2.2').selfScore).toBe(1);
    await context.close();
  });

  it('gives Sở Nội vụ the submit button and the export of the Ministry form', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, /Sở Nội vụ — chủ trì/, screen('3.2'));
    await page.getByRole('button', { name: 'Nộp hồ sơ tự đánh giá' }).waitFor();
    expect(await page.getByLabel('Điểm tự chấm').isDisabled()).toBe(false);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải bảng tính (XLSX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`chi-so-cchc-${year}-${province}.xlsx`);
    const [printable] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải bản in HTML (in ra PDF)' }).click(),
    ]);
    expect(printable.suggestedFilename()).toBe(`chi-so-cchc-${year}-${province}.html`);
    await checkAccessibility(page, 'province coordinator');
    await screenshot(page, 'province-coordinator');
    await context.close();
  });
});
