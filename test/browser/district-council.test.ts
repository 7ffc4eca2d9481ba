/**
 * The district council of Ba Tri in a real browser (year 2191). Only the communes of Ba Tri and Chợ
 * Lách are appraised; the districts (the provincial council's) stay open, so the province's draft
 * cannot be approved while the district councils approve their communes with their own decisions
 * (Chợ Lách first, through the API, so the year's reports hold another council's files too). The council signs
 * in, sees its communes only, approves them, reads its own report files; the provincial council's
 * draft and publication stay as they were, and another district's commune is refused.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, token, tokens } from '../support/api.ts';
import { publishedReports } from '../support/reports.ts';
import { cycleDeadlines, fillSelfLeaves, pdfBytes, referenceFramework, uploadEvidence } from '../support/assessment-helpers.ts';
import { checkAccessibility, launch, newPage, screenshot, signIn } from './support.ts';

const year = 2191;
const district = 'H-BATRI';
/** Another district council publishes first: the year's reports then hold two councils' files. */
const other = 'H-CHOLACH';
const otherDecision = 'Quyết định số 4/QĐ-UBND ngày 05/02/2192';
const framework = referenceFramework('commune');
const seeded = JSON.parse(readFileSync('reference/units/ben-tre-2024.json', 'utf8')).units as {
  id: string;
  type: string;
  name: string;
  parentId?: string;
}[];
const seededBaTri = seeded.filter((u) => u.type === 'commune' && u.parentId === district).map((u) => u.id);
const foreignCommune = seeded.find((u) => u.type === 'commune' && u.parentId && u.parentId !== district)!;
const districtName = seeded.find((u) => u.id === district)!.name;
const councilToken = (d = district) => token({ role: 'council', district: d, username: `hoidong.${d}` });
let browser: Browser;
let page: Page;
/** The draft of Ba Tri's council as the API answers it to that council. */
let draft: { computedAt: string; results: { commune?: { units: { unitId: string; name: string }[] } } };
let provinceDraft: { computedAt: string; status: string };

/** A commune self-assessed at full marks, submitted, and finalised by Ba Tri's appraisers. */
async function appraised(unitId: string, by: string) {
  const base = `/v1/cycles/${year}/units/${unitId}`;
  const clerk = await tokens.unit(unitId);
  const evidenceId = await uploadEvidence(clerk, year, unitId, pdfBytes(`${unitId} ${year}`));
  expect((await api('POST', `${base}/evidence/${evidenceId}/confirm`, { token: clerk })).status).toBe(200);
  await fillSelfLeaves(clerk, year, unitId, framework, evidenceId);
  expect((await api('POST', `${base}/assessment/submit`, { token: clerk })).status).toBe(200);
  const appraiser = await tokens.appraiser(by, '*', by);
  expect((await api('POST', `${base}/appraisal/accept-remaining`, { token: appraiser })).status).toBe(200);
  expect((await api('POST', `${base}/appraisal/finalize`, { token: appraiser })).status).toBe(200);
}

beforeAll(async () => {
  const admin = await tokens.admin();
  const opened = await api('POST', '/v1/cycles', {
    token: admin,
    body: { year, frameworks: { district: 'district-2024', commune: 'commune-2024' }, deadlines: cycleDeadlines(year) },
  });
  expect(opened.status).toBe(201);
  // The first computation names every commune each council owns in this cycle (its own registry).
  expect((await api('POST', `/v1/cycles/${year}/results/compute`, { token: admin })).status).toBe(200);
  const owned = async (d: string) =>
    (await api('GET', `/v1/cycles/${year}/results`, { token: await councilToken(d) })).body.notFinalized.map(
      (u: { unitId: string }) => [u.unitId, d] as const,
    );
  const batri = await owned(district);
  expect(batri.map(([id]: readonly [string, string]) => id)).toEqual(expect.arrayContaining(seededBaTri));
  const work: (readonly [string, string])[] = [...batri, ...(await owned(other))];
  // Two at a time: the machine is shared.
  for (let i = 0; i < work.length; i += 2) await Promise.all(work.slice(i, i + 2).map(([id, d]) => appraised(id, d)));
  expect((await api('POST', `/v1/cycles/${year}/results/compute`, { token: admin })).status).toBe(200);
  // Read before any council approves: neither district publication may touch it.
  provinceDraft = (await api('GET', `/v1/cycles/${year}/results`, { token: await tokens.council() })).body;
  const otherDraft = (await api('GET', `/v1/cycles/${year}/results`, { token: await councilToken(other) })).body;
  const otherApproved = await api('POST', `/v1/cycles/${year}/results/approve`, {
    token: await councilToken(other),
    body: { decision: otherDecision, computedAt: otherDraft.computedAt },
  });
  expect(otherApproved.status).toBe(200);
  await publishedReports(year, { district: other });
  draft = (await api('GET', `/v1/cycles/${year}/results`, { token: await councilToken() })).body;
  browser = await launch();
  ({ page } = await newPage(browser));
}, 900_000);
afterAll(async () => {
  await browser?.close();
});

const rowNames = () => page.locator('table.results tbody tr td:nth-child(2) a').allTextContents();

describe('the district council of Ba Tri', () => {
  it('lands on its results and sees only its own communes, as the API and the registry say', async () => {
    await signIn(page, /Hội đồng thẩm định cấp huyện — Ba Tri/);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/hoi-dong');
    await page.goto(`/hoi-dong?nam=${year}`);
    await page.getByRole('heading', { name: `Kết quả Chỉ số CCHC ${year}: bản dự thảo` }).waitFor();
    await page.getByText(`Phạm vi: các xã, phường, thị trấn của ${districtName}`).waitFor();
    // The header names the district, not its id.
    await expect.poll(() => page.locator('header .who').textContent()).toContain(districtName);
    expect(await page.locator('header .who').textContent()).not.toContain(district);
    await page.getByText('Tất cả đơn vị đã được kết thúc thẩm định.').waitFor();
    // One unit type only: no department, no district tab.
    expect(await page.getByRole('navigation', { name: 'Loại đơn vị' }).getByRole('link').allTextContents()).toEqual([
      `Xã, phường, thị trấn (${draft.results.commune!.units.length})`,
    ]);
    const live = (await api('GET', '/v1/units?type=commune', { token: await tokens.admin() })).body.units as {
      id: string;
      parentId?: string;
    }[];
    const shown = await rowNames();
    const apiNames = draft.results.commune!.units.map((u) => u.name);
    expect([...shown].sort()).toEqual([...apiNames].sort());
    const ids = draft.results.commune!.units.map((u) => u.unitId);
    expect(ids).toEqual(expect.arrayContaining(seededBaTri));
    for (const id of ids) expect(live.find((u) => u.id === id)?.parentId, id).toBe(district);
    expect(shown).not.toContain(foreignCommune.name);
    await checkAccessibility(page, 'district council results');
  });

  it('drills into its commune; a commune of another district shows the refusal in Vietnamese', async () => {
    const own = draft.results.commune!.units[0]!;
    await page.getByRole('link', { name: own.name, exact: true }).click();
    await page.getByRole('heading', { name: new RegExp(`kết quả ${year}`) }).waitFor();
    await checkAccessibility(page, 'district council unit');
    await page.goto(`/hoi-dong/don-vi/${foreignCommune.id}?nam=${year}`);
    await page.getByRole('heading', { name: 'Không mở được trang' }).waitFor();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('thuộc thẩm quyền của hội đồng khác');
    await checkAccessibility(page, 'district council refused unit');
  });

  it('approves its communes with its own decision and sees its own published reports', async () => {
    await page.goto(`/hoi-dong/phe-duyet?nam=${year}`);
    await page.getByText(`mã bản dự thảo ${draft.computedAt}`).waitFor();
    await page.getByLabel('Số quyết định').fill('18/QĐ-UBND');
    await page.getByLabel('Ngày quyết định').fill('2192-02-12');
    await page.getByRole('checkbox', { name: /Hội đồng đã xem bản dự thảo/ }).check();
    await checkAccessibility(page, 'district council approval');
    await page.getByRole('button', { name: 'Phê duyệt và công bố' }).click();
    await page.getByText('Đang tạo báo cáo…').waitFor();
    await page.getByRole('heading', { name: `Báo cáo đã công bố năm ${year}` }).waitFor({ timeout: 90_000 });
    const decision = 'Quyết định số 18/QĐ-UBND ngày 12/02/2192';
    const reports = (await api('GET', `/v1/public/results/${year}/reports`)).body;
    const own = reports.files.filter((f: { publishedBy?: { district?: string } }) => f.publishedBy?.district === district);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((f: { publishedBy: { decision: string } }) => f.publishedBy.decision === decision)).toBe(true);
    expect(own.map((f: { name: string }) => f.name)).toContain(`results-${year}-${district}.csv`);
    expect(reports.files.length).toBeGreaterThan(own.length);

    // A reload reads the state from the API: the published reports, the council's own decision and files only.
    await page.reload();
    await page.getByRole('heading', { name: `Báo cáo đã công bố năm ${year}` }).waitFor();
    await page.getByText(decision).first().waitFor();
    expect(await page.getByText(otherDecision).count()).toBe(0);
    const rows = await page.locator('table.reports tbody tr').allTextContents();
    expect(rows).toHaveLength(own.length);
    for (const f of own)
      expect(
        rows.some((r) => r.includes(f.name) && r.includes(f.sha256)),
        f.name,
      ).toBe(true);
    expect(await page.getByRole('button', { name: 'Phê duyệt và công bố' }).count()).toBe(0);
    await checkAccessibility(page, 'district council reports');
    await screenshot(page, 'district-council', { top: true });

    await page.goto(`/hoi-dong?nam=${year}`);
    await page.getByRole('heading', { name: `Kết quả Chỉ số CCHC ${year}: đã phê duyệt` }).waitFor();
  });

  it("leaves the provincial council's draft and publication as they were", async () => {
    const council = await tokens.council();
    const after = (await api('GET', `/v1/cycles/${year}/results`, { token: council })).body;
    expect([after.status, after.computedAt]).toEqual([provinceDraft.status, provinceDraft.computedAt]);
    expect(after.status).toBe('draft');
    const published = (await api('GET', `/v1/public/results/${year}`)).body;
    expect(published.councils.map((c: { council: string; district?: string }) => c.district ?? c.council).sort()).toEqual(
      [district, other].sort(),
    );
    expect(published.results.district).toBeUndefined();
    const refused = await api('POST', `/v1/cycles/${year}/results/approve`, {
      token: council,
      body: { decision: 'Quyết định số 1/QĐ-HĐTĐ', computedAt: after.computedAt },
    });
    expect([refused.status, refused.body.code]).toEqual([422, 'APPRAISALS_OPEN']);
  });
});
