/** The commune clerk's path in a real browser: sign in, score with a figure, evidence, submit. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, tokens } from '../support/api.ts';
import { currentYear } from '../support/assessment-helpers.ts';
import { checkAccessibility, launch, newPage, screenshot, signIn } from './support.ts';

const unitId = 'X-BATRI-MY-HOA';
const year = currentYear;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  ({ page } = await newPage(browser));
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

describe('the clerk in the console', () => {
  it('signs in with the development sign-in and lands on the own assessment', async () => {
    await page.goto('/');
    await checkAccessibility(page, 'sign-in');
    await screenshot(page, 'sign-in');
    await signIn(page, /xã Mỹ Hòa/);
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/don-vi/${unitId}`);
    await page.getByRole('heading', { name: /Tự đánh giá .*Mỹ Hòa/ }).waitFor();
  });

  it('scores a leaf with a figure: the suggestion shows, a mismatch is flagged, the score is saved', async () => {
    await page.goto(`/don-vi/${unitId}?muc=1.1.2`);
    await page.getByLabel('Mức độ hoàn thành kế hoạch (%)').fill('85');
    await expect.poll(() => page.locator('.suggested, .mismatch').first().textContent()).toContain('1');
    await page.getByLabel('Điểm tự chấm').selectOption('1.5');
    await page.getByText(/khác điểm tự chấm/).waitFor();
    await page.locator('.save-status', { hasText: 'Đã lưu' }).waitFor();
    const clerk = await tokens.unit(unitId);
    const stored = await api('GET', `/v1/cycles/${year}/units/${unitId}/assessment`, { token: clerk });
    const item = stored.body.items.find((i: any) => i.code === '1.1.2');
    expect(item).toMatchObject({ selfScore: 1.5, figure: 85, suggestedScore: 1, mismatch: true });
    await checkAccessibility(page, 'clerk leaf');
    await screenshot(page, 'clerk-leaf');
  });
});
