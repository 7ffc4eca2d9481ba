/**
 * The console's initial JavaScript (issue 13): what a phone on a slow connection downloads before
 * the first screen, gzipped. That is the entry script and the modules it imports statically
 * (`<link rel="modulepreload">` and the entry's imports); chunks loaded on demand (oidc-client-ts,
 * only in the cloud's sign-in) are listed apart. Target: ≤ 100 KB gzipped. Builds the console first.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { consoleDist } from '../infra/local/console-server.ts';

const targetKb = 100;
await build({ configFile: join(consoleDist, '..', 'vite.config.ts'), logLevel: 'warn' });

const html = readFileSync(join(consoleDist, 'index.html'), 'utf8');
const initial = new Set<string>();
const queue = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
while (queue.length) {
  const file = queue.shift()!;
  if (initial.has(file)) continue;
  initial.add(file);
  const code = readFileSync(join(consoleDist, file), 'utf8');
  // Static imports only (`import … from "./x.js"`); `import("./x.js")` is on demand.
  for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) queue.push(`assets/${m[1]}`);
}
const gz = (file: string) => gzipSync(readFileSync(join(consoleDist, file)), { level: 9 }).length;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const initialBytes = [...initial].reduce((sum, f) => sum + gz(f), 0);
const css = readdirSync(join(consoleDist, 'assets')).filter((f) => f.endsWith('.css'));
const lazy = readdirSync(join(consoleDist, 'assets')).filter((f) => f.endsWith('.js') && !initial.has(`assets/${f}`));

for (const f of initial) console.log(`initial  ${f}: ${kb(gz(f))} KB gzipped`);
for (const f of lazy) console.log(`on demand assets/${f}: ${kb(gz(`assets/${f}`))} KB gzipped`);
for (const f of css) console.log(`css      assets/${f}: ${kb(gz(`assets/${f}`))} KB gzipped`);
console.log(`console initial JavaScript: ${kb(initialBytes)} KB gzipped (target ≤ ${targetKb} KB)`);
if (initialBytes > targetKb * 1024) process.exit(1);
