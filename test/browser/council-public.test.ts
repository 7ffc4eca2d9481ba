/**
 * The council and the public results site in a real browser (years 2161-2162, districts). 2161 is
 * published through the API; 2162 is read, refused, and approved on the council's screens, and its
 * reports are listed afterwards; then the public pages are read with JavaScript disabled.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaves } from '../../shared/domain/framework.ts';
import { api, tokens } from '../support/api.ts';
import { cycleDeadlines, fillSelfLeaves, pdfBytes, referenceFramework, uploadEvidence } from '../support/assessment-helpers.ts';
import { apiUrl, checkAccessibility, launch, newPage, phone, screenshot, signIn } from './support.ts';

const first = 2161;
const year = 2162;
const framework = referenceFramework('district');
const openUnit = 'H-THANHPHU';
const selfLeaves = leaves(framework).filter((e) => e.leaf.method === 'self' && e.leaf.maxPoints >= 1);
let browser: Browser;
let page: Page;
let districts: { id: string; name: string }[] = [];
const vi = new Intl.Collator('vi');

/** A year of the nine districts: self-assessed at full marks, the i-th district lowered on i leaves, all finalised but `keepOpen`. */
async function runYear(y: number, keepOpen?: string) {
  const admin = await tokens.admin();
  const opened = await api('POST', '/v1/cycles', {
    token: admin,
    body: {
      year: y,
      frameworks: { district: 'district-2024' },
      surveys: { district: 'district-survey-2024' },
      deadlines: cycleDeadlines(y),
    },
  });
  expect(opened.status).toBe(201);
  // The cycle names a survey: it cannot leave its survey phase (here, to computation) until it is defined.
  const survey = JSON.parse(readFileSync('reference/surveys/district-survey-2024.json', 'utf8'));
  // 201 the first year; 200 when it was carried over from the year before.
  expect([200, 201]).toContain((await api('PUT', `/v1/cycles/${y}/surveys/${survey.id}`, { token: admin, body: survey })).status);
  const lead = await tokens.appraiser('SNV', '*');
  for (const [i, d] of districts.entries()) {
    const base = `/v1/cycles/${y}/units/${d.id}`;
    const clerk = await tokens.unit(d.id);
    const evidenceId = await uploadEvidence(clerk, y, d.id, pdfBytes(`${d.id} ${y}`));
    expect((await api('POST', `${base}/evidence/${evidenceId}/confirm`, { token: clerk })).status).toBe(200);
    await fillSelfLeaves(clerk, y, d.id, framework, evidenceId);
    expect((await api('POST', `${base}/assessment/submit`, { token: clerk })).status).toBe(200);
    // Spread the indexes (and move them between years) so ranks, charts and changes have something to show.
    for (const { leaf } of selfLeaves.slice(0, (i + (y === year ? 3 : 0)) % 9)) {
      const body = { appraisedScore: 0, reason: 'Không có văn bản kiểm chứng hợp lệ' };
      expect((await api('PUT', `${base}/appraisal/items/${leaf.code}`, { token: lead, body })).status).toBe(200);
    }
    expect((await api('POST', `${base}/appraisal/accept-remaining`, { token: lead })).status).toBe(200);
    if (d.id !== keepOpen) expect((await api('POST', `${base}/appraisal/finalize`, { token: lead })).status).toBe(200);
  }
  const computed = await api('POST', `/v1/cycles/${y}/results/compute`, { token: admin });
  expect(computed.status, JSON.stringify(computed.body)).toBe(200);
}

beforeAll(async () => {
  districts = (await api('GET', '/v1/units?type=district', { token: await tokens.admin() })).body.units;
  expect(districts).toHaveLength(9);
  await runYear(first);
  const council = await tokens.council();
  const draft = await api('GET', `/v1/cycles/${first}/results`, { token: council });
  const approved = await api('POST', `/v1/cycles/${first}/results/approve`, {
    token: council,
    body: { decision: 'Quyết định số 7/QĐ-HĐTĐ ngày 20/02/2162', computedAt: draft.body.computedAt },
  });
  expect(approved.status).toBe(200);
  await runYear(year, openUnit);
  browser = await launch();
  ({ page } = await newPage(browser));
}, 900_000);
afterAll(async () => {
  await browser?.close();
});

const rowNames = () => page.locator('table.results tbody tr td:nth-child(2) a').allTextContents();

describe('the council', () => {
  it('lands on its results screen, reads the draft with the unit still open, filters and sorts in Vietnamese order', async () => {
    await signIn(page, 'Hội đồng thẩm định chỉ số CCHC');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/hoi-dong');
    await page.goto(`/hoi-dong?nam=${year}`);
    await page.getByRole('heading', { name: `Kết quả Chỉ số CCHC ${year}: bản dự thảo` }).waitFor();
    await page.getByText('Phạm vi: toàn tỉnh').waitFor();
    const open = page.getByRole('region', { name: /1 đơn vị chưa kết thúc thẩm định/ });
    await expect.poll(() => open.textContent()).toContain('Thạnh Phú');
    expect(await rowNames()).toHaveLength(9);
    await checkAccessibility(page, 'council results');
    await screenshot(page, 'council-results', { top: true });

    await page.getByLabel('Sắp xếp').selectOption('ten');
    const names = await rowNames();
    expect(names).toEqual([...names].sort(vi.compare));
    await page.getByLabel('Tìm theo tên đơn vị').fill('ba tri');
    await expect.poll(rowNames).toEqual([districts.find((d) => d.id === 'H-BATRI')!.name]);
    // A change since 2161 shows for every unit: the draft compares with the published year.
    const change = await page.locator('table.results tbody tr td:nth-child(5)').first().textContent();
    expect(change).toMatch(/^[+-]?\d|^0/);
  });

  it('drills down into a unit: areas chart with a table alternative and the trace with the appraisal rounds', async () => {
    await page.getByRole('link', { name: districts.find((d) => d.id === 'H-BATRI')!.name }).click();
    await page.getByRole('heading', { name: /kết quả 2162/ }).waitFor();
    await page.getByText(`So với năm ${first}`).waitFor();
    const chart = page.getByRole('img', { name: /Chỉ số thành phần theo lĩnh vực/ });
    await chart.waitFor();
    await page.getByText(/Bảng số liệu: Chỉ số thành phần/).click();
    const firstArea = page.locator('details.trace').first();
    await firstArea.locator('summary').click();
    await expect.poll(() => firstArea.textContent()).toContain('Vòng 1');
    await checkAccessibility(page, 'council unit');
    await screenshot(page, 'council-unit', { top: true });
  });

  it('approval is refused while a unit is open and when the draft was recomputed; then it publishes and lists the reports', async () => {
    await page.goto(`/hoi-dong/phe-duyet?nam=${year}`);
    const draft = (await api('GET', `/v1/cycles/${year}/results`, { token: await tokens.council() })).body;
    await page.getByText(`mã bản dự thảo ${draft.computedAt}`).waitFor();
    await page.getByLabel('Số quyết định').fill('125/QĐ-HĐTĐ');
    await page.getByLabel('Ngày quyết định').fill('2163-02-20');
    await page.getByRole('checkbox', { name: /Hội đồng đã xem bản dự thảo/ }).check();
    await checkAccessibility(page, 'council approval');
    await screenshot(page, 'council-approval', { top: true });
    await page.getByRole('button', { name: 'Phê duyệt và công bố' }).click();
    await page.getByRole('alert').filter({ hasText: /chưa/ }).waitFor();
    await expect.poll(() => page.locator('form.approve ul').textContent()).toContain('Thạnh Phú');
    expect((await api('GET', `/v1/public/results/${year}`)).status).toBe(404);

    // The lead finalises, the admin recomputes: the draft on screen is now stale.
    const lead = await tokens.appraiser('SNV', '*');
    expect((await api('POST', `/v1/cycles/${year}/units/${openUnit}/appraisal/finalize`, { token: lead })).status).toBe(200);
    expect((await api('POST', `/v1/cycles/${year}/results/compute`, { token: await tokens.admin() })).status).toBe(200);
    await page.getByRole('button', { name: 'Phê duyệt và công bố' }).click();
    await page.getByRole('link', { name: 'Đọc lại bản dự thảo mới nhất' }).waitFor();
    expect((await api('GET', `/v1/public/results/${year}`)).status).toBe(404);

    await page.reload();
    await page.getByLabel('Số quyết định').fill('125/QĐ-HĐTĐ');
    await page.getByLabel('Ngày quyết định').fill('2163-02-20');
    await page.getByRole('checkbox', { name: /Hội đồng đã xem bản dự thảo/ }).check();
    await page.getByRole('button', { name: 'Phê duyệt và công bố' }).click();
    // Published at once; the files follow within seconds, the page asking again quietly.
    await page.getByText('Đang tạo báo cáo…').waitFor();
    await page.getByRole('heading', { name: `Báo cáo đã công bố năm ${year}` }).waitFor({ timeout: 90_000 });
    const reports = (await api('GET', `/v1/public/results/${year}/reports`)).body;
    expect(reports.decision).toBe('Quyết định số 125/QĐ-HĐTĐ ngày 20/02/2163');
    expect(reports.files).toHaveLength(8);
    const shown = await page.locator('table.reports tbody tr').allTextContents();
    for (const f of reports.files)
      expect(
        shown.some((row) => row.includes(f.name) && row.includes(f.sha256)),
        f.name,
      ).toBe(true);

    // The state is the API's: a reload shows the published reports, not the form.
    await page.reload();
    await page.getByRole('heading', { name: `Báo cáo đã công bố năm ${year}` }).waitFor();
    expect(await page.getByRole('button', { name: 'Phê duyệt và công bố' }).count()).toBe(0);
    await checkAccessibility(page, 'council reports');
    await screenshot(page, 'council-reports', { top: true });
  });

  it('shows the results screen on a phone', async () => {
    const { context, page: small } = await newPage(browser, phone);
    await signIn(small, 'Hội đồng thẩm định chỉ số CCHC', `/hoi-dong?nam=${year}`);
    await small.getByRole('heading', { name: `Kết quả Chỉ số CCHC ${year}: đã phê duyệt` }).waitFor();
    await checkAccessibility(small, 'council results (phone)');
    await screenshot(small, 'council-results-phone');
    await context.close();
  });
});

/** axe needs script: the same public page, opened in a context with JavaScript on (the page itself has none). */
async function checkPublicPage(path: string, screen: string) {
  const { context, page: probe } = await newPage(browser);
  await probe.goto(path);
  await checkAccessibility(probe, screen);
  await context.close();
}

describe('the public results site with JavaScript disabled', () => {
  let pub: Page;
  beforeAll(async () => {
    const context = await browser.newContext({
      baseURL: apiUrl,
      javaScriptEnabled: false,
      locale: 'vi-VN',
      viewport: { width: 1280, height: 860 },
    });
    pub = await context.newPage();
  });

  it('lists the published years and a year with its rankings, report files with checksums and open data', async () => {
    const res = await pub.goto('/cong-khai');
    expect(res?.headers()['content-type']).toContain('text/html');
    expect(await pub.locator('html').getAttribute('lang')).toBe('vi');
    await pub.getByRole('link', { name: `Kết quả Chỉ số CCHC năm ${year}` }).click();
    await pub.getByRole('heading', { name: `Kết quả Chỉ số CCHC năm ${year}` }).waitFor();
    expect(await pub.title()).toBe(`Kết quả Chỉ số CCHC năm ${year} — Chỉ số CCHC`);
    const published = (await api('GET', `/v1/public/results/${year}?type=district`)).body.results.district;
    const rows = pub.getByRole('region', { name: 'Huyện, thành phố' }).locator('tbody tr');
    expect(await rows.count()).toBe(9);
    expect(await rows.first().locator('td').nth(1).textContent()).toBe(published.units[0].name);
    expect(await rows.first().locator('td').nth(2).textContent()).toBe(
      new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(published.units[0].index),
    );
    const files = (await api('GET', `/v1/public/results/${year}/reports`)).body.files;
    const fileRows = await pub.getByRole('region', { name: 'Tệp báo cáo' }).locator('tbody tr').allTextContents();
    for (const f of files)
      expect(
        fileRows.some((r) => r.includes(f.name) && r.includes(f.sha256)),
        f.name,
      ).toBe(true);
    // A downloaded file matches the checksum shown.
    const csv = files.find((f: { name: string }) => f.name === `results-${year}.csv`);
    const href = await pub.getByRole('link', { name: csv.name }).getAttribute('href');
    const bytes = Buffer.from(await (await fetch(href!)).arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(csv.sha256);
    await pub.getByRole('link', { name: 'bộ dữ liệu mở (JSON)' }).waitFor();
    await checkPublicPage(`/cong-khai/${year}`, 'public year');
    await checkPublicPage('/cong-khai', 'public home');
    await screenshot(pub, 'public-year', { top: true });
  });

  it('filters by unit type with a plain form, and shows a unit across the years with its area sub-indexes', async () => {
    await pub.goto(`/cong-khai/${year}`);
    await pub.getByLabel('Loại đơn vị').selectOption('district');
    await pub.getByRole('button', { name: 'Xem' }).click();
    await pub.waitForURL(/type=district/);
    const unit = districts.find((d) => d.id === 'H-BATRI')!;
    await pub.getByRole('link', { name: unit.name }).first().click();
    await pub.getByRole('heading', { name: unit.name, level: 1 }).waitFor();
    // Other test files publish H-BATRI in their own years too: the page shows every published year,
    // and this file's two years are among them.
    const history = (await api('GET', '/v1/public/units/H-BATRI/results')).body.years;
    const published = history.map((y: { year: number }) => String(y.year));
    expect(published.filter((y: string) => y === String(first) || y === String(year))).toEqual([String(first), String(year)]);
    const years = await pub.locator('table').first().locator('tbody tr td:first-child').allTextContents();
    expect(years).toEqual(published);
    const areaHead = await pub.locator('table').nth(1).locator('thead th').allTextContents();
    expect(areaHead).toEqual(['Lĩnh vực', ...published]);
    await checkPublicPage('/cong-khai/don-vi/H-BATRI', 'public unit');
    await screenshot(pub, 'public-unit', { top: true });
  });

  it('reads on a phone without JavaScript', async () => {
    const context = await browser.newContext({ baseURL: apiUrl, javaScriptEnabled: false, locale: 'vi-VN', viewport: phone });
    const small = await context.newPage();
    await small.goto(`/cong-khai/${year}?type=district`);
    expect(await small.getByRole('region', { name: 'Huyện, thành phố' }).locator('tbody tr').count()).toBe(9);
    await screenshot(small, 'public-year-phone');
    await context.close();
  });

  it('answers an unpublished year with a Vietnamese page and 404', async () => {
    const res = await pub.goto('/cong-khai/2169');
    expect(res?.status()).toBe(404);
    await pub.getByText('Kết quả năm này chưa được công bố.').waitFor();
    await checkPublicPage('/cong-khai/2169', 'public 404');
  });
});
