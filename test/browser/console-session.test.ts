/** Sessions in the console: another unit's page is refused, an expired session keeps typed text. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, tokens } from '../support/api.ts';
import { currentYear } from '../support/assessment-helpers.ts';
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

  it('shows both versions when someone else saved the leaf first, and keeps the clerk’s on request', async () => {
    const { context, page } = await newPage(browser);
    const path = `/v1/cycles/${currentYear}/units/H-BATRI/assessment/items/1.1.2`;
    await signIn(page, 'Cán bộ UBND huyện Ba Tri', '/don-vi/H-BATRI?muc=1.1.2');
    await page.getByLabel('Điểm tự chấm').waitFor();
    // A colleague saves the same leaf after this page read it.
    const colleague = await api('PUT', path, {
      token: await tokens.unit('H-BATRI'),
      body: { selfScore: 0.5, note: 'Bản của đồng nghiệp' },
    });
    expect(colleague.status).toBe(200);
    await page.getByLabel('Ghi chú, thuyết minh').fill('Bản của tôi: đã hoàn thành kế hoạch');
    await page.getByLabel('Điểm tự chấm').selectOption('1');
    await page.getByText('Người khác vừa lưu tiêu chí này.').waitFor();
    await page.getByRole('heading', { name: 'Bản đã lưu' }).waitFor();
    await page.getByText('Bản của đồng nghiệp').waitFor();
    await checkAccessibility(page, 'conflict');
    await screenshot(page, 'clerk-conflict');
    await page.getByRole('button', { name: 'Giữ bản của tôi' }).click();
    await page.locator('.save-status', { hasText: 'Đã lưu' }).waitFor();
    const stored = await api('GET', `/v1/cycles/${currentYear}/units/H-BATRI/assessment`, { token: await tokens.unit('H-BATRI') });
    expect(stored.body.items.find((i: any) => i.code === '1.1.2')).toMatchObject({
      selfScore: 1,
      note: 'Bản của tôi: đã hoàn thành kế hoạch',
    });
    await context.close();
  });
});
