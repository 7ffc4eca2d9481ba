/**
 * Browser tests: Debian's chromium driven by playwright-core (no browser download) against the
 * console served by the one local runtime of the integration run; axe-core checks each screen.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, vi } from 'vitest';
import { ensureConsoleBuilt } from '../../infra/local/console-build.ts';
import { apiUrl } from '../support/api.ts';

export { apiUrl };
// A browser step waits on the page, the API and the services of a shared 2-core machine: generous limits.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const screenshotDir = join(process.cwd(), 'docs', 'screenshots');

export const desktop = { width: 1280, height: 860 };
export const phone = { width: 390, height: 844 };

export async function launch(): Promise<Browser> {
  await ensureConsoleBuilt();
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

export async function newPage(browser: Browser, viewport = desktop): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: apiUrl, viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  return { context, page };
}

/** Signs in through the development sign-in page, as a person would. */
export async function signIn(page: Page, label: RegExp | string, path = '/'): Promise<void> {
  await page.goto(path);
  await page.getByRole('heading', { name: 'Đăng nhập', exact: true }).waitFor();
  await page.getByRole('button', { name: label }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
}

/** No serious or critical axe violation on the current screen. */
export async function checkAccessibility(page: Page, screen: string): Promise<void> {
  // Evaluated over the DevTools protocol: the console's CSP (no inline scripts) stays on.
  await page.evaluate(axeSource);
  const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as {
    violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
  };
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${screen}`).toEqual([]);
}

export async function screenshot(page: Page, name: string, options: { top?: boolean } = {}): Promise<void> {
  if (options.top) await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: false });
}
