/**
 * Small console gaps in a real browser (tag CNC2, years 2198-2199): the administrator recomputes a
 * draft from the council results screen and reads the new computation time; a survey the cycle
 * names but has not defined is created by copying last year's definition, or as a new one in the
 * form with the cycle's unit type. Each state is checked with axe.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, tokens } from '../support/api.ts';
import { cycleDeadlines } from '../support/assessment-helpers.ts';
import { openSurveyYear } from '../support/survey-desk-helpers.ts';
import { checkAccessibility, launch, newPage, phone, screenshot, signIn } from './support.ts';

const last = 2198;
const year = 2199;
const copied = 'cnc2-commune';
const fresh = 'cnc2-district';
let browser: Browser;
let page: Page;
let admin: string;

beforeAll(async () => {
  admin = await tokens.admin();
  const open = async (y: number, frameworks: object, surveys: object) => {
    const opened = await api('POST', '/v1/cycles', { token: admin, body: { year: y, frameworks, surveys, deadlines: cycleDeadlines(y) } });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  };
  // Last year's survey is defined only after this year opened: opening had nothing to carry over.
  await open(last, { commune: 'commune-2024' }, { commune: copied });
  await open(year, { commune: 'commune-2024', district: 'district-2024' }, { commune: copied, district: fresh });
  await openSurveyYear(admin, last, copied);
  browser = await launch();
  ({ page } = await newPage(browser, phone));
  await signIn(page, /Quản trị hệ thống/, '/');
}, 180_000);
afterAll(async () => {
  await browser?.close();
});

describe('the header on a phone', () => {
  it("keeps the administrator's links apart and inside the screen", async () => {
    const cycle = await page.getByRole('link', { name: 'Quản trị kỳ' }).boundingBox();
    const registry = await page.getByRole('link', { name: 'Danh mục đơn vị' }).boundingBox();
    expect(cycle && registry).toBeTruthy();
    const apart = registry!.x >= cycle!.x + cycle!.width + 8 || registry!.y >= cycle!.y + cycle!.height;
    expect(apart, JSON.stringify({ cycle, registry })).toBe(true);
    expect(registry!.x + registry!.width).toBeLessThanOrEqual(phone.width);
    await screenshot(page, 'header-admin-phone', { top: true });
  });
});

describe('recomputing a draft', () => {
  it('the administrator computes the draft again and reads the new computation time', async () => {
    const first = await api('POST', `/v1/cycles/${last}/results/compute`, { token: admin });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    await page.goto(`/hoi-dong?nam=${last}`);
    await page.getByRole('heading', { name: `Kết quả Chỉ số CCHC ${last}: bản dự thảo` }).waitFor();
    await checkAccessibility(page, 'council results with recompute');
    await page.getByRole('button', { name: 'Tính lại kết quả' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã tính lại kết quả lúc' }).waitFor();
    const after = await api('GET', `/v1/cycles/${last}/results`, { token: admin });
    expect(after.status).toBe(200);
    expect(Date.parse(after.body.computedAt)).toBeGreaterThan(Date.parse(first.body.computedAt));
    await checkAccessibility(page, 'council results recomputed');
    expect(await page.getByRole('alert').count()).toBe(0);
    await screenshot(page, 'council-recomputed-phone', { top: true });
  });
});

describe('a survey the cycle names but has not defined', () => {
  it("is created from last year's definition of the same id", async () => {
    const before = await api('GET', `/v1/cycles/${last}/surveys/${copied}`, { token: admin });
    await page.goto(`/khao-sat/${year}/${copied}`);
    await page.getByRole('heading', { name: 'Chưa có phiếu' }).waitFor();
    await checkAccessibility(page, 'survey missing');
    expect(await page.getByRole('alert').count()).toBe(0);
    await screenshot(page, 'survey-missing-phone', { top: true });
    await page.getByRole('button', { name: `Tạo phiếu từ năm trước (${last})` }).click();
    await page.getByRole('heading', { name: `Phiếu khảo sát thử ${last}` }).waitFor();
    const made = await api('GET', `/v1/cycles/${year}/surveys/${copied}`, { token: admin });
    expect(made.status).toBe(200);
    expect(made.body.unitType).toBe('commune');
    expect(made.body.definition.questions).toEqual(before.body.definition.questions);
  });

  it('is started empty in the form with the cycle’s unit type, and saved once complete', async () => {
    await page.goto(`/khao-sat/${year}/${fresh}`);
    await page.getByRole('heading', { name: 'Chưa có phiếu' }).waitFor();
    await page.getByText(`Kỳ ${last} không có phiếu cùng mã để sao chép.`).waitFor();
    expect(await page.getByRole('button', { name: /Tạo phiếu từ năm trước/ }).count()).toBe(0);
    await page.getByRole('link', { name: 'Tạo phiếu mới' }).click();
    await page.getByRole('heading', { name: 'Tạo phiếu khảo sát mới' }).waitFor();
    expect(await page.getByLabel('Tên phiếu').inputValue()).toBe('');
    await checkAccessibility(page, 'survey new');
    await page.getByLabel('Tên phiếu').fill(`Phiếu khảo sát cấp huyện ${year}`);
    // Saved before it is complete: the API names what is missing and nothing is written.
    await page.getByRole('button', { name: 'Lưu phiếu' }).click();
    await page.getByRole('alert').first().waitFor();
    expect((await api('GET', `/v1/cycles/${year}/surveys/${fresh}`, { token: admin })).status).toBe(404);
    for (const group of ['leader', 'civil-servant', 'citizen']) await page.locator(`#t-${group}`).fill('12');
    await page.getByRole('button', { name: 'Thêm câu hỏi' }).click();
    await page.getByLabel('Nội dung câu hỏi Q1').fill('Ông/bà đánh giá thế nào về công tác chỉ đạo cải cách hành chính?');
    await page.getByLabel('Tiêu chí (mã)').fill(firstDistrictLeaf());
    await page.getByRole('button', { name: 'Lưu phiếu' }).click();
    await page.getByRole('heading', { name: `Phiếu khảo sát cấp huyện ${year}` }).waitFor();
    const made = await api('GET', `/v1/cycles/${year}/surveys/${fresh}`, { token: admin });
    expect(made.status).toBe(200);
    expect(made.body.unitType).toBe('district');
    expect(made.body.version).toBe(1);
    expect(made.body.definition.targetSample).toEqual({ leader: 12, 'civil-servant': 12, citizen: 12 });
  });
});

function firstDistrictLeaf(): string {
  return JSON.parse(readFileSync('reference/surveys/district-survey-2024.json', 'utf8')).questions[0].leaf;
}
