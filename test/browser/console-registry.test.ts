/**
 * The admin's "Danh mục đơn vị": the list filtered by type, a bulk import tried first (the dry-run
 * report with line numbers, "Áp dụng" disabled while a row has a problem), then applied; axe on
 * each state, screenshots for the README. The REG- unit it creates is deleted afterwards.
 */
import { DeleteCommand } from '../../shared/store/dynamo/commands.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo, tableName } from '../../shared/store/clients.ts';
import { unitKeys } from '../../shared/store/entities/unit.ts';
import { adminCodeKeys } from '../../shared/store/registry-store.ts';
import { getUnit } from '../../shared/store/units-store.ts';
import { checkAccessibility, launch, newPage, phone, screenshot, signIn } from './support.ts';

let browser: Browser;
let page: Page;
const header = 'id,type,name,parent,adminCode,validFrom,validTo,successor';
const badFile = [header, 'REG-B1,commune,Xã Bình Thử,UBND-TINH,99201,,,', 'REG-B2,commune,Xã Lỗi,H-KHONG-CO,,,,'].join('\n');
const goodFile = [header, 'REG-B1,commune,Xã Bình Thử,UBND-TINH,99201,,,'].join('\n');
const csv = (text: string) => ({ name: 'don-vi.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });

beforeAll(async () => {
  browser = await launch();
  ({ page } = await newPage(browser));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await dynamo().send(new DeleteCommand({ TableName: tableName(), Key: unitKeys.item('REG-B1') }));
  await dynamo().send(new DeleteCommand({ TableName: tableName(), Key: adminCodeKeys.item('99201') }));
});

describe('Danh mục đơn vị', () => {
  it('lists units with their parents, filtered by type in Vietnamese order', async () => {
    await signIn(page, /Quản trị hệ thống/, '/quan-tri/don-vi');
    await page.getByRole('heading', { name: 'Danh mục đơn vị' }).waitFor();
    await page.getByLabel('Loại đơn vị').selectOption('district');
    await page
      .getByRole('status')
      .filter({ hasText: /^9 \/ \d+ đơn vị$/ })
      .waitFor();
    const names = await page.locator('table.units tbody tr td:first-child').allTextContents();
    expect(names).toHaveLength(9);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi', { sensitivity: 'base' }).compare));
    await expect.poll(() => page.locator('tr[data-unit="H-BATRI"] td').nth(2).textContent()).toMatch(/Ủy ban nhân dân tỉnh/);
    await checkAccessibility(page, 'registry list');
  });

  it('a dry run shows the problems by line, and "Áp dụng" stays disabled', async () => {
    await page.locator('#registry-file').setInputFiles(csv(badFile));
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    const problems = page.locator('table.problems tbody tr');
    await problems.first().waitFor();
    expect(await problems.count()).toBe(1);
    expect(await problems.first().locator('td').first().textContent()).toBe('3');
    await expect.poll(() => page.getByRole('button', { name: 'Áp dụng' }).isDisabled()).toBe(true);
    await checkAccessibility(page, 'registry dry run with problems');
    expect(await getUnit('REG-B1')).toBeUndefined();
  });

  it('a clean file is checked, then applied: the unit is written and listed', async () => {
    await page.locator('#registry-file').setInputFiles(csv(goodFile));
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await page.locator('table.changes tbody tr', { hasText: 'Thêm mới' }).waitFor();
    await screenshot(page, 'registry-dry-run');
    expect(await getUnit('REG-B1')).toBeUndefined();
    await page.getByRole('button', { name: 'Áp dụng' }).click();
    await page.getByRole('heading', { name: 'Đã áp dụng' }).waitFor();
    await expect.poll(async () => (await getUnit('REG-B1'))?.adminCode).toBe('99201');
    await page.getByLabel('Loại đơn vị').selectOption('commune');
    await page.locator('tr[data-unit="REG-B1"]').waitFor();
    await checkAccessibility(page, 'registry applied');
  });

  it('fits a phone', async () => {
    const { context, page: small } = await newPage(browser, phone);
    await signIn(small, /Quản trị hệ thống/, '/quan-tri/don-vi?loai=district');
    await small.getByRole('heading', { name: 'Danh mục đơn vị' }).waitFor();
    await small.locator('tr[data-unit="H-BATRI"]').waitFor();
    await checkAccessibility(small, 'registry (phone)');
    await screenshot(small, 'registry-phone');
    await context.close();
  });
});
