/**
 * The survey desk and the public answer page in a real browser (tag SRV, cycle 2182): the
 * administrator reads and edits a survey as a form, imports a file with bad rows and follows its
 * progress (also across a reload), downloads the rejected rows as CSV, prints a sheet of QR
 * invitation cards; a citizen on a phone opens a card's link without signing in, answers once,
 * and a used or unknown code gets its message. Every screen is checked with axe and photographed.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCounts } from '../../shared/store/survey-respondents-store.ts';
import { api, tokens } from '../support/api.ts';
import { openSurveyYear } from '../support/survey-desk-helpers.ts';
import { checkAccessibility, launch, newPage, phone, screenshot, signIn } from './support.ts';

const year = 2182;
const surveyId = 'srv-commune-2182';
const unitId = 'X-BATRI-MY-HOA';
const rows = 3000;
let browser: Browser;
let page: Page;
let link: string;

/** A file with a bad answer every 250th row and one unknown unit: 13 rejected rows. */
function responsesFile(): Buffer {
  const lines = ['respondentId,unitId,group,Q1_7_1,Q4_5_1'];
  for (let i = 1; i <= rows; i++) {
    if (i === 7) lines.push(`SRV-B${i},X-KHONG-CO,citizen,A,`);
    else if (i % 250 === 0) lines.push(`SRV-B${i},${unitId},citizen,Z,`);
    else lines.push(`SRV-B${i},${unitId},${i % 3 === 0 ? 'leader' : 'citizen'},${i % 3 === 0 ? '' : 'B'},${i % 3 === 0 ? 'A' : ''}`);
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

beforeAll(async () => {
  await openSurveyYear(await tokens.admin(), year, surveyId);
  browser = await launch();
  ({ page } = await newPage(browser));
}, 180_000);
afterAll(async () => {
  await browser?.close();
});

describe('the survey desk', () => {
  it("lists the cycle's surveys and shows one with its sample per unit", async () => {
    await signIn(page, /Quản trị hệ thống/, `/khao-sat?nam=${year}`);
    await page.getByRole('heading', { name: `Điều tra xã hội học ${year}` }).waitFor();
    await checkAccessibility(page, 'survey desk');
    await page.getByRole('link', { name: `Phiếu khảo sát thử ${year}` }).click();
    await page.getByRole('heading', { name: 'Số phiếu theo đơn vị so với cỡ mẫu' }).waitFor();
    await page.getByText(/đơn vị chưa đủ cỡ mẫu/).waitFor();
    await checkAccessibility(page, 'survey detail');
    await screenshot(page, 'survey-desk', { top: true });
  });

  it('edits the survey as a form, saved with the version read', async () => {
    const before = (await api('GET', `/v1/cycles/${year}/surveys/${surveyId}`, { token: await tokens.admin() })).body;
    await page.goto(`/khao-sat/${year}/${surveyId}/sua`);
    await page.getByLabel('Tên phiếu').fill(`Phiếu khảo sát người dân ${year}`);
    await page
      .getByLabel('Nội dung câu hỏi Q1_7_1')
      .fill('Ông/bà đánh giá thế nào về sự quan tâm của lãnh đạo xã đến cải cách hành chính?');
    await checkAccessibility(page, 'survey edit');
    await page.getByRole('button', { name: 'Lưu phiếu' }).click();
    await page.getByRole('heading', { name: `Phiếu khảo sát người dân ${year}` }).waitFor();
    const after = (await api('GET', `/v1/cycles/${year}/surveys/${surveyId}`, { token: await tokens.admin() })).body;
    expect(after.version).toBe(before.version + 1);
    expect(after.definition.name).toBe(`Phiếu khảo sát người dân ${year}`);
    expect(after.definition.questions[0].text).toMatch(/^Ông\/bà đánh giá/);
    expect(after.definition.questions.length).toBe(before.definition.questions.length);
  });

  it('imports a file with bad rows: progress of lines read, kept across a reload, rejected rows as CSV', async () => {
    await page.goto(`/khao-sat/${year}/${surveyId}/nhap`);
    await page.getByRole('heading', { name: 'Nhập tệp kết quả khảo sát' }).waitFor();
    await checkAccessibility(page, 'survey import');
    await page.locator('#import-file').setInputFiles({ name: 'phieu-my-hoa.csv', mimeType: 'text/csv', buffer: responsesFile() });
    await page.waitForURL(/\/nhap\/[^/]+$/);
    const importId = new URL(page.url()).pathname.split('/').at(-1) as string;
    // State comes from the API: a reload shows the same import.
    await page.reload();
    await page.getByRole('heading', { name: 'Nhập tệp phieu-my-hoa.csv' }).waitFor();
    const bar = page.getByRole('progressbar', { name: 'Tiến độ đọc tệp' });
    await expect.poll(() => bar.getAttribute('max'), { timeout: 60_000 }).toBe(String(rows + 1));
    await page.getByText('Đã xong').waitFor({ timeout: 90_000 });
    expect(await bar.getAttribute('value')).toBe(String(rows + 1));
    await page.getByText(`Đã đọc 3.001 / 3.001 dòng (100%)`).waitFor();
    await page
      .getByRole('cell', { name: /câu trả lời "Z" không thuộc các phương án/ })
      .first()
      .waitFor();
    await checkAccessibility(page, 'survey import progress');
    await screenshot(page, 'survey-import', { top: true });

    const report = (await api('GET', `/v1/cycles/${year}/surveys/${surveyId}/imports/${importId}`, { token: await tokens.admin() })).body;
    expect(report).toMatchObject({ status: 'done', totalLines: rows + 1, rejectedCount: 13, accepted: rows - 13 });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải danh sách dòng bị từ chối (CSV)' }).click(),
    ]);
    const text = (await readFile((await download.path()) as string, 'utf8')).replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('dong,ma_nguoi_tra_loi,loai,ly_do,ly_do_goc');
    expect(lines).toHaveLength(14);
    expect(lines[1]).toBe(
      '8,SRV-B7,bị từ chối,"đơn vị ""X-KHONG-CO"" không thuộc phiếu khảo sát này","unit ""X-KHONG-CO"" is not a commune unit of this survey"',
    );
    // The sample per unit counts the accepted rows: 996 leaders (every third row but the 4 bad ones).
    await page.goto(`/khao-sat/${year}/${surveyId}`);
    await page.getByRole('link', { name: 'phieu-my-hoa.csv' }).waitFor();
    await page.getByLabel('Tìm đơn vị').fill('my hoa');
    await page.getByRole('cell', { name: '996 / 10' }).waitFor();
    expect(lines[2]).toMatch(/^251,SRV-B250,bị từ chối,"Q1_7_1: câu trả lời ""Z"" không thuộc các phương án A, B, C, D, E",/);
  });

  it('prints a sheet of QR invitation cards, each with its code and answer link', async () => {
    await page.goto(`/khao-sat/${year}/${surveyId}/phieu-moi`);
    await page.getByLabel('Đơn vị').selectOption(unitId);
    await page.getByLabel('Nhóm đối tượng').selectOption('citizen');
    await page.getByLabel('Số thẻ (1–99)').fill('6');
    await page.getByRole('button', { name: 'Tạo mã và xem bản in' }).click();
    const cards = page.locator('.qr-card');
    await expect.poll(() => cards.count()).toBe(6);
    await expect.poll(() => page.locator('.qr-card svg').count()).toBe(6);
    const first = cards.first();
    const code = (await first.getAttribute('data-code')) as string;
    link = (await first.getAttribute('data-url')) as string;
    expect(link).toBe(`${new URL(page.url()).origin}/tra-loi/${code}`);
    expect(await first.locator('.qr-code').textContent()).toBe(code);
    expect(await first.locator('.qr-unit').textContent()).toBe('Xã Mỹ Hòa');
    await checkAccessibility(page, 'QR sheet');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'survey-qr-sheet', { top: true });
    expect(await page.locator('.top').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('the public answer page on a phone', () => {
  it("opens the card's link without signing in, answers once, then says the code is used", async () => {
    const { context, page: small } = await newPage(browser, phone);
    const before = (await readCounts(year, surveyId)).filter((c) => c.source === 'online' && c.unitId === unitId);
    await small.goto(link);
    await small.getByRole('heading', { name: 'Xã Mỹ Hòa' }).waitFor();
    expect(new URL(small.url()).pathname).toMatch(/^\/tra-loi\//);
    await small.getByText('Người dân, tổ chức giao dịch thủ tục hành chính').waitFor();
    await checkAccessibility(small, 'answer page (phone)');
    await screenshot(small, 'survey-answer-phone');
    const questions = small.locator('.answer-questions fieldset');
    await questions.nth(0).getByLabel('Rất tốt').check();
    await questions.nth(1).getByLabel('Tốt', { exact: true }).check();
    await small.getByRole('button', { name: 'Gửi phiếu' }).click();
    await small.getByRole('heading', { name: 'Cảm ơn bạn đã trả lời' }).waitFor();
    await checkAccessibility(small, 'answer sent (phone)');
    const after = (await readCounts(year, surveyId)).filter((c) => c.source === 'online' && c.unitId === unitId);
    const responses = (list: typeof after) => list.reduce((n, c) => n + c.responses, 0);
    expect(responses(after)).toBe(responses(before) + 1);

    await small.goto(link);
    await small.getByRole('heading', { name: 'Mã này đã được sử dụng' }).waitFor();
    await checkAccessibility(small, 'used code (phone)');
    await small.goto('/tra-loi/ABCD-EFGH-JKMN');
    await small.getByRole('heading', { name: 'Không tìm thấy mã' }).waitFor();
    await checkAccessibility(small, 'unknown code (phone)');
    await screenshot(small, 'survey-answer-unknown-phone');
    // The code entry page (a citizen who typed the address without a code).
    await small.goto('/tra-loi');
    await small.getByRole('heading', { name: 'Trả lời phiếu khảo sát' }).waitFor();
    await small.getByLabel('Mã in trên thẻ (12 ký tự)').waitFor();
    await checkAccessibility(small, 'answer code entry (phone)');
    await context.close();
  });
});
