/**
 * Bundles every handler of the route table and of the bucket subscriptions with esbuild, with the options the house construct
 * gives NodejsFunction (`esbuildOptionsFor` derives them from `appBundling`), then imports each
 * bundle in a plain Node process, as Lambda does: ESM/CJS breakage (a `require` of a builtin, a
 * missing export) shows here, not after a deploy. The only infra test that bundles.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esbuildOptionsFor, repoRoot } from '../../infra/constructs/app-function.ts';
import { bucketSubscriptions } from '../../shared/events.ts';
import { routeList } from '../../shared/routes.ts';
import { bucketDefinitions, tableDefinition } from '../../shared/store/resources.ts';

const handlers = [...new Set([...routeList.map((r) => r.handler), ...bucketSubscriptions.map((s) => s.handler)])];
const outDir = mkdtempSync(join(tmpdir(), 'par-bundles-'));
const bundleOf = (handler: string) => join(outDir, handler.replace(/\.ts$/, ''), 'index.mjs');

/** Imports each bundle in a fresh Node with the environment Lambda would give it. */
const importer = `
const results = {};
for (const file of process.argv.slice(1)) {
  try {
    const mod = await import(new URL('file://' + file).href);
    results[file] = typeof mod.handler;
  } catch (error) {
    results[file] = 'import failed: ' + (error && error.stack || error);
  }
}
console.log(JSON.stringify(results));
`;

describe('handler bundles', () => {
  let imported: Record<string, string> = {};

  beforeAll(async () => {
    const missing = handlers.filter((h) => !existsSync(join(repoRoot, h)));
    expect(missing, 'handler files named in shared/routes.ts and shared/events.ts').toEqual([]);
    await Promise.all(handlers.map((h) => build({ ...esbuildOptionsFor(join(repoRoot, h), bundleOf(h)), logLevel: 'error' })));
    const env = {
      PATH: process.env.PATH,
      AWS_REGION: 'ap-southeast-1',
      AWS_LAMBDA_FUNCTION_NAME: 'bundle-test',
      [tableDefinition.envVar]: 'par-bundle-test',
      ...Object.fromEntries(bucketDefinitions.map((b) => [b.envVar, b.localName])),
    };
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', importer, ...handlers.map(bundleOf)], {
      env,
      cwd: outDir, // no node_modules reachable: the bundle must be self-contained
      timeout: 60_000,
    });
    imported = JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, string>;
  }, 120_000);

  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it.each(handlers)('%s bundles into one self-contained ESM file exporting handler()', (handler) => {
    const file = bundleOf(handler);
    expect(imported[file]).toBe('function');
    const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sourcesContent?: unknown };
    expect(map.sourcesContent).toBeUndefined();
    expect(statSync(file).size).toBeLessThan(3 * 1024 * 1024);
  });
});
