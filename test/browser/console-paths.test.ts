/**
 * A commune's year in a real browser, one step after another on the same unit: the clerk signs
 * in, scores with a figure, uploads and links evidence, is refused while incomplete, submits; the
 * district appraiser filters the worklist, adjusts with a reason, returns; the clerk explains; the
 * second round; finalisation. Each screen is checked with axe and photographed.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, tokens } from '../support/api.ts';
import { currentYear, pdfBytes, uploadEvidence } from '../support/assessment-helpers.ts';
import { checkAccessibility, launch, newPage, phone, screenshot, signIn } from './support.ts';

const unitId = 'X-BATRI-MY-HOA';
const year = currentYear;
const base = `/v1/cycles/${year}/units/${unitId}`;
let browser: Browser;
let page: Page;

const stored = async () => (await api('GET', `${base}/assessment`, { token: await tokens.unit(unitId) })).body;
const itemOf = async (code: string) => (await stored()).items.find((i: any) => i.code === code);

/** The same screen on a phone, for the screenshots folder. */
async function phoneShot(path: string, name: string, label: RegExp) {
  const { context, page: small } = await newPage(browser, phone);
  await signIn(small, label, path);
  await small.waitForLoadState('networkidle');
  await checkAccessibility(small, `${name} (phone)`);
  await screenshot(small, `${name}-phone`);
  await context.close();
}

beforeAll(async () => {
  browser = await launch();
  ({ page } = await newPage(browser));
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

describe('the clerk', () => {
  it('signs in with the development sign-in and lands on the own assessment', async () => {
    await page.goto('/');
    await page.getByRole('heading', { name: 'Đăng nhập', exact: true }).waitFor();
    await checkAccessibility(page, 'sign-in');
    await screenshot(page, 'sign-in');
    await signIn(page, /xã Mỹ Hòa/);
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/don-vi/${unitId}`);
    await page.getByRole('heading', { name: /Tự đánh giá .*Mỹ Hòa/ }).waitFor();
  });

  it('scores a leaf with a figure: the suggestion shows, a mismatch is flagged, the score is saved', async () => {
    await page.goto(`/don-vi/${unitId}?muc=1.1.2`);
    await page.getByLabel('Mức độ hoàn thành kế hoạch (%)').fill('85,5');
    await expect.poll(() => page.locator('.suggested').textContent()).toContain('Điểm gợi ý theo số liệu: 1');
    await page.getByLabel('Điểm tự chấm').selectOption('1.5');
    await page.getByText(/khác điểm tự chấm/).waitFor();
    await page.locator('.save-status', { hasText: 'Đã lưu' }).waitFor();
    expect(await itemOf('1.1.2')).toMatchObject({ selfScore: 1.5, figure: 85.5, suggestedScore: 1, mismatch: true });
  });

  it('uploads a PDF with a progress bar and links it, with its page, to two leaves', async () => {
    const file = pdfBytes('Kế hoạch CCHC năm của xã Mỹ Hòa');
    await page.getByLabel('Chọn tệp tài liệu…').setInputFiles({ name: 'Kế hoạch CCHC.pdf', mimeType: 'application/pdf', buffer: file });
    await page.getByText('Đã tải lên và xác nhận.').waitFor();
    await page.getByLabel('Trang/mục').first().fill('tr. 2');
    await page.locator('.save-status', { hasText: 'Đã lưu' }).waitFor();
    await expect
      .poll(async () => (await itemOf('1.1.2')).evidence)
      .toMatchObject([{ page: 'tr. 2', status: 'confirmed', fileName: 'Kế hoạch CCHC.pdf' }]);

    // Leaf 1.1.1 (yes/no): score it, then link the same document from 1.1.2 with another page.
    const tree = page.getByRole('navigation', { name: 'Bộ tiêu chí' });
    await tree.getByRole('link', { name: /1\.1\.1 Ban hành kế hoạch/ }).click();
    await page.getByRole('radio', { name: 'Có' }).check();
    await page.getByLabel('Điểm tự chấm').selectOption('0.5');
    await page.locator('.save-status', { hasText: 'Đã lưu' }).waitFor();
    await tree.getByRole('link', { name: /1\.1\.2 Mức độ hoàn thành/ }).click();
    await page.getByRole('button', { name: 'Gắn vào tiêu chí khác' }).click();
    await page.getByRole('checkbox', { name: /1\.1\.1 Ban hành/ }).check();
    await page.getByLabel('Trang/mục cho tiêu chí 1.1.1').fill('tr. 5');
    await page.getByRole('button', { name: 'Gắn vào 1 tiêu chí' }).click();
    await expect.poll(async () => (await itemOf('1.1.1')).evidence).toMatchObject([{ page: 'tr. 5', status: 'confirmed' }]);
    expect((await itemOf('1.1.1')).evidence[0].evidenceId).toBe((await itemOf('1.1.2')).evidence[0].evidenceId);
    await checkAccessibility(page, 'clerk leaf');
    await tree.getByRole('link', { name: /1\.1\.2 Mức độ hoàn thành/ }).click();
    await page.getByRole('heading', { name: /^1\.1\.2\. Mức độ/ }).waitFor();
    await screenshot(page, 'clerk-leaf', { top: true });
  });

  it('is refused while incomplete, with the missing leaves as links, then submits', async () => {
    await page.getByRole('button', { name: 'Nộp hồ sơ tự đánh giá' }).click();
    await page.getByRole('alert').filter({ hasText: 'Hồ sơ chưa đầy đủ' }).waitFor();
    // The list of what is missing opens, each leaf a link to its editor.
    await page.locator('.submit details[open] a[href*="muc=1.2"]').first().waitFor();
    await page.locator('.submit').scrollIntoViewIfNeeded();
    expect((await stored()).state).toBe('draft');
    await checkAccessibility(page, 'submit refused');
    await screenshot(page, 'clerk-submit-refused');

    // The rest through the API: every leaf still missing gets its maximum and a document.
    const clerk = await tokens.unit(unitId);
    const doc = await uploadEvidence(clerk, year, unitId, pdfBytes('Báo cáo tổng hợp'), 'Báo cáo tổng hợp.pdf');
    await api('POST', `${base}/evidence/${doc}/confirm`, { token: clerk });
    for (const item of (await stored()).items) {
      if (item.method !== 'self' || item.selfScore !== null) continue;
      const res = await api('PUT', `${base}/assessment/items/${item.code}`, {
        token: clerk,
        body: { selfScore: item.maxPoints, ...(item.evidenceRequired ? { evidence: [{ evidenceId: doc, page: 'tr. 1' }] } : {}) },
      });
      expect(res.status, item.code).toBe(200);
    }
    await page.reload();
    await page.getByRole('button', { name: 'Nộp hồ sơ tự đánh giá' }).click();
    await page.getByText('Đã nộp hồ sơ tự đánh giá.').waitFor();
    expect((await stored()).state).toBe('submitted');
    await page.getByRole('link', { name: 'Lịch sử thay đổi' }).click();
    await page.getByText('Nộp hồ sơ').first().waitFor();
    await checkAccessibility(page, 'history');
    await screenshot(page, 'clerk-history');
  });
});

describe('the district appraiser, and the clerk explains', () => {
  it('finds the commune in the worklist by state and a search without diacritics', async () => {
    await page.context().clearCookies();
    await page.evaluate('sessionStorage.clear()');
    await signIn(page, /huyện Ba Tri \(các xã\)/);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/tham-dinh');
    await page.getByLabel('Trạng thái').selectOption('submitted');
    await page.getByLabel('Tìm theo tên đơn vị').fill('my hoa');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await checkAccessibility(page, 'worklist');
    await screenshot(page, 'worklist', { top: true });
    await page.getByRole('link', { name: 'Xã Mỹ Hòa' }).click();
    await page.getByRole('heading', { name: /Thẩm định .*Mỹ Hòa/ }).waitFor();
  });

  it('adjusts a score (a reason is required), moves with the keyboard and returns the assessment', async () => {
    await page.goto(`/tham-dinh/${unitId}?muc=1.1.2`);
    const score = page.getByLabel(/Điểm thẩm định/);
    await score.selectOption('1');
    await expect(page.getByRole('button', { name: 'Lưu và sang tiêu chí tiếp' }).isDisabled()).resolves.toBe(true);
    await page.getByLabel(/Lý do/).fill('Kế hoạch chỉ hoàn thành 85,5%, theo bậc được 1 điểm');
    await page.getByRole('button', { name: 'Lưu và sang tiêu chí tiếp' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('muc')).not.toBe('1.1.2');
    expect(await itemOf('1.1.2')).toMatchObject({ appraisedScore: 1, appraisals: [{ round: 1, score: 1 }] });
    await page.locator('h1').click();
    const before = new URL(page.url()).searchParams.get('muc');
    await page.keyboard.press('k');
    await expect.poll(() => new URL(page.url()).searchParams.get('muc')).not.toBe(before);
    await page.keyboard.press('j');
    await expect.poll(() => new URL(page.url()).searchParams.get('muc')).toBe(before);
    await checkAccessibility(page, 'appraisal');
    await screenshot(page, 'appraisal', { top: true });

    await page.getByLabel(/Yêu cầu đơn vị giải trình/).fill('Đề nghị giải trình tiêu chí 1.1.2: số liệu 85,5% chưa đạt bậc 100%.');
    await page.getByRole('button', { name: 'Trả lại để giải trình' }).click();
    await page.getByText('Đã trả hồ sơ để đơn vị giải trình.').waitFor();
    expect((await stored()).state).toBe('returned');
  });

  it('the clerk sees the message, explains the adjusted leaf and hands the explanations in', async () => {
    await page.evaluate('sessionStorage.clear()');
    await signIn(page, /xã Mỹ Hòa/);
    await page
      .getByText(/Yêu cầu giải trình/)
      .first()
      .waitFor();
    await page
      .getByRole('navigation', { name: 'Bộ tiêu chí' })
      .getByRole('link', { name: /1\.1\.2 .*cần giải trình/ })
      .click();
    await page.getByLabel(/Nội dung giải trình/).fill('Xã đã hoàn thành thêm 2 nhiệm vụ trong tháng 12, kèm báo cáo bổ sung.');
    await page.getByRole('button', { name: 'Lưu giải trình' }).click();
    await page.getByText('Đã lưu giải trình.').waitFor();
    await checkAccessibility(page, 'explanation');
    await screenshot(page, 'clerk-explanation');
    await page.getByRole('button', { name: 'Nộp giải trình' }).click();
    await page.getByText('Đã nộp giải trình.').waitFor();
    const after = await stored();
    expect(after.state).toBe('explained');
    expect(after.items.find((i: any) => i.code === '1.1.2').explanations).toMatchObject([
      { round: 1, text: expect.stringContaining('2 nhiệm vụ') },
    ]);
  });

  it('second round: the appraiser keeps the adjustment, accepts the rest and finalises', async () => {
    await page.evaluate('sessionStorage.clear()');
    await signIn(page, /huyện Ba Tri \(các xã\)/, `/tham-dinh/${unitId}?muc=1.1.2`);
    await page.getByText('Vòng 2', { exact: true }).waitFor();
    await page
      .getByText(/Giải trình vòng 1/)
      .first()
      .waitFor();
    await page.getByLabel(/Điểm thẩm định \(vòng 2\)/).selectOption('1.5');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(async () => (await itemOf('1.1.2')).appraisedScore).toBe(1.5);
    await page.getByRole('button', { name: 'Chấp nhận điểm tự chấm cho các tiêu chí còn lại' }).click();
    await page.getByText('Đã chấp nhận điểm tự chấm').waitFor();
    await page.getByRole('button', { name: 'Kết thúc thẩm định' }).click();
    await page.getByText('Đã thẩm định xong').first().waitFor();
    const final = await stored();
    expect(final.state).toBe('appraised');
    expect(final.items.find((i: any) => i.code === '1.1.2').appraisals.map((a: any) => [a.round, a.score])).toEqual([
      [1, 1],
      [2, 1.5],
    ]);
  });

  it('looks right on a phone (worklist, appraisal, the clerk)', async () => {
    await phoneShot('/tham-dinh', 'worklist', /huyện Ba Tri \(các xã\)/);
    await phoneShot(`/tham-dinh/${unitId}?muc=1.1.2`, 'appraisal', /huyện Ba Tri \(các xã\)/);
    await phoneShot(`/don-vi/${unitId}?muc=1.1.2`, 'clerk-leaf', /xã Mỹ Hòa/);
  });
});
