/** Sessions in the console: another unit's page is refused, an expired session keeps typed text. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, launch, newPage, screenshot, signIn } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

describe('console sessions', () => {
  it('refuses a unit user on another unit’s page, in Vietnamese', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'Cán bộ Sở Công Thương');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/don-vi/SCT');
    const refused = page.waitForResponse((r) => r.url().includes('/units/H-BATRI/assessment'));
    await page.goto('/don-vi/H-BATRI');
    expect([403, 404]).toContain((await refused).status());
    await page.getByRole('heading', { name: 'Không mở được trang' }).waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/không có quyền|phạm vi/);
    await checkAccessibility(page, 'refused');
    await screenshot(page, 'refused');
    await context.close();
  });

  it('sends an expired session to sign-in and restores the text typed before', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'Cán bộ UBND huyện Ba Tri', '/dang-nhap?thoi-han=6');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/don-vi/H-BATRI');
    await page.goto('/don-vi/H-BATRI?muc=1.5.1');
    const note = 'Ghi chú đang soạn dở: UBND huyện đã triển khai sáng kiến một cửa liên thông.';
    // No score chosen yet: the editor keeps the text as a draft instead of saving it.
    await page.getByLabel('Ghi chú, thuyết minh').fill(note);
    await page.getByText('Chọn điểm để lưu').waitFor();
    await page.waitForURL(/\/dang-nhap\?het-han=1/, { timeout: 20_000 });
    await page.getByText('Phiên đăng nhập đã hết hạn').waitFor();
    await checkAccessibility(page, 'session expired');
    await screenshot(page, 'session-expired');
    await page.getByRole('button', { name: 'Cán bộ UBND huyện Ba Tri' }).click();
    await page.waitForURL(/\/don-vi\/H-BATRI\?muc=1\.5\.1/);
    await expect(page.getByLabel('Ghi chú, thuyết minh').inputValue()).resolves.toBe(note);
    await context.close();
  });
});
