/**
 * Bundle benchmark (issue 15): every function of the synthesized app (the route table's handlers,
 * the bucket subscriptions, the pipeline tasks) is bundled with the esbuild options the house
 * construct gives NodejsFunction (`esbuildOptionsFor`, the same derivation `cdk synth` runs), then
 * each bundle is imported in fresh Node processes, 7 times, round-robin with a hello-world handler,
 * from a directory with no node_modules (as on Lambda). Reported per function: minified size, the
 * median import time without source maps (as deployed: see `nodeOptions` in app-function.ts) and
 * with `--enable-source-maps` (for comparison), the ratio to the hello-world median and a verdict.
 *
 * Targets: an API handler ≤ 250 KB and ≤ 5× hello-world; ingestion and report functions ≤ 600 KB;
 * any function ≤ 10× hello-world. Results also go to `.bench/bundles-<BENCH_LABEL or last>.json`.
 *
 * BENCH_BASELINE=<git revision> also bundles that revision's functions (its own route table and
 * bundling options, from `git archive` under .bench/) and imports them in the same rounds, so a
 * before/after comparison is not coloured by how busy the machine was in two different runs.
 */
import { execSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { esbuildOptionsFor, repoRoot } from '../infra/constructs/app-function.ts';
import { pipelineTasks } from '../infra/pipeline/definition.ts';
import { bucketSubscriptions } from '../shared/events.ts';
import { routeList } from '../shared/routes.ts';
import { bucketDefinitions, tableDefinition } from '../shared/store/resources.ts';

/** BENCH_SAMPLES=0 builds and prints sizes only (quick look while slimming a bundle). */
const samples = Number(process.env.BENCH_SAMPLES ?? 7);
const outDir = fileURLToPath(new URL('../.bench/bundles/', import.meta.url));
const KB = 1024;

type Kind = 'api' | 'heavy' | 'task';
interface Fn {
  name: string;
  handler: string;
  kind: Kind;
}

/** Report generation and survey ingestion (both bucket subscriptions) may carry their writers and parsers; the approval no longer builds reports. */
const heavy = new Set(['reportsRequested', 'surveyImportUploaded']);
const targets: Record<Kind, { bytes: number; ratio: number }> = {
  api: { bytes: 250 * KB, ratio: 5 },
  heavy: { bytes: 600 * KB, ratio: 10 },
  task: { bytes: 250 * KB, ratio: 10 },
};

type Tables = { routeList: typeof routeList; bucketSubscriptions: typeof bucketSubscriptions; pipelineTasks: typeof pipelineTasks };
const functionsOf = (t: Tables): Fn[] => [
  ...t.routeList.map((r) => ({ name: r.id, handler: r.handler, kind: (heavy.has(r.id) ? 'heavy' : 'api') as Kind })),
  ...t.bucketSubscriptions.map((s) => ({ name: s.id, handler: s.handler, kind: 'heavy' as Kind })),
  ...t.pipelineTasks.map((p) => ({ name: `${p.state}Task`, handler: p.handler, kind: 'task' as Kind })),
];
export const functions = functionsOf({ routeList, bucketSubscriptions, pipelineTasks });

/** The baseline revision's bundles by function name, built with that revision's own options. */
async function baselineBundles(rev: string): Promise<Map<string, string>> {
  const tree = join(outDir, '..', 'baseline-tree');
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  execSync(`git archive ${rev} | tar -x -C ${tree}`, { cwd: repoRoot });
  // node_modules resolve from the worktree above, unless the revision locked other packages: then its own.
  if (readFileSync(join(tree, 'package-lock.json'), 'utf8') !== readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) {
    console.log(`installing ${rev}'s own packages for its bundles (npm ci --prefer-offline)`);
    execSync('npm ci --ignore-scripts --no-audit --no-fund --prefer-offline', { cwd: tree, stdio: 'ignore' });
  }
  const load = <T>(path: string) => import(pathToFileURL(join(tree, path)).href) as Promise<T>;
  const options = await load<typeof import('../infra/constructs/app-function.ts')>('infra/constructs/app-function.ts');
  const tables: Tables = {
    routeList: (await load<typeof import('../shared/routes.ts')>('shared/routes.ts')).routeList,
    bucketSubscriptions: (await load<typeof import('../shared/events.ts')>('shared/events.ts')).bucketSubscriptions,
    pipelineTasks: (await load<typeof import('../infra/pipeline/definition.ts')>('infra/pipeline/definition.ts')).pipelineTasks,
  };
  const files = new Map<string, string>();
  await Promise.all(
    functionsOf(tables).map(async (fn) => {
      const file = join(outDir, 'baseline', fn.name, 'index.mjs');
      await build({ ...options.esbuildOptionsFor(join(tree, fn.handler), file), logLevel: 'error' });
      files.set(fn.name, file);
    }),
  );
  return files;
}

const env = {
  PATH: process.env.PATH,
  AWS_REGION: 'ap-southeast-1',
  AWS_LAMBDA_FUNCTION_NAME: 'bundle-bench',
  [tableDefinition.envVar]: 'par-bundle-bench',
  ...Object.fromEntries(bucketDefinitions.map((b) => [b.envVar, b.localName])),
};

const timer = `const t = performance.now(); const m = await import(process.argv[1]); if (typeof m.handler !== 'function') process.exit(3); process.stdout.write(String(performance.now() - t));`;

/** One fresh process: milliseconds from before `import()` to the module's evaluation done. */
function importMs(file: string, sourceMaps: boolean): number {
  const args = [...(sourceMaps ? ['--enable-source-maps'] : []), '--input-type=module', '-e', timer, pathToFileURL(file).href];
  const r = spawnSync(process.execPath, args, { env, cwd: outDir, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`import of ${file} failed (exit ${r.status}): ${r.stderr.slice(0, 2000)}`);
  return Number(r.stdout);
}

/** Wall time of `par --help` (the compiled CLI, bin/par.mjs) against a bare `node -e 0`, round-robin. */
function cliStartup() {
  const par: number[] = [];
  const bare: number[] = [];
  const wall = (args: string[]) => {
    const t = performance.now();
    spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'ignore' });
    return performance.now() - t;
  };
  spawnSync(process.execPath, ['bin/par.mjs', '--help'], { cwd: repoRoot, stdio: 'ignore' }); // builds dist/cli if stale
  for (let i = 0; i < samples; i++) {
    par.push(wall(['bin/par.mjs', '--help']));
    bare.push(wall(['-e', '0']));
  }
  return { par: median(par) ?? 0, bare: median(bare) ?? 1 };
}

const median = (xs: number[]): number | undefined => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bundleOf = (fn: Fn) => join(outDir, fn.name, 'index.mjs');

export interface BundleResult {
  name: string;
  kind: Kind;
  bytes: number;
  mapBytes: number;
  importMs: number;
  importMapsMs: number;
  ratio: number;
  ok: boolean;
  baseline?: { bytes: number; importMs: number; ratio: number };
}

async function main() {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const hello = join(outDir, 'hello', 'index.mjs');
  mkdirSync(join(outDir, 'hello'));
  writeFileSync(hello, 'export const handler = async () => ({ statusCode: 200, body: "hello" });\n');
  await Promise.all(functions.map((fn) => build({ ...esbuildOptionsFor(join(repoRoot, fn.handler), bundleOf(fn)), logLevel: 'error' })));

  const rev = process.env.BENCH_BASELINE;
  const base = rev ? await baselineBundles(rev) : new Map<string, string>();
  const files = [hello, ...functions.map(bundleOf)];
  const plain = new Map<string, number[]>(files.map((f) => [f, []]));
  const mapped = new Map<string, number[]>(files.map((f) => [f, []]));
  for (let i = 0; i < samples; i++) {
    for (const f of files) {
      plain.get(f)!.push(importMs(f, false));
      mapped.get(f)!.push(importMs(f, true));
    }
    for (const f of base.values()) (plain.get(f) ?? plain.set(f, []).get(f)!).push(importMs(f, false));
  }
  const helloMs = median(plain.get(hello)!) ?? 1;
  const helloMapsMs = median(mapped.get(hello)!) ?? 1;

  const results: BundleResult[] = functions.map((fn) => {
    const file = bundleOf(fn);
    const bytes = statSync(file).size;
    let mapBytes = 0;
    try {
      mapBytes = statSync(`${file}.map`).size;
    } catch {
      // no external map
    }
    const ms = median(plain.get(file)!) ?? 0;
    const ratio = ms / helloMs;
    const target = targets[fn.kind];
    const baseFile = base.get(fn.name);
    const baseMs = baseFile ? (median(plain.get(baseFile)!) ?? 0) : 0;
    return {
      ...(baseFile ? { baseline: { bytes: statSync(baseFile).size, importMs: baseMs, ratio: baseMs / helloMs } } : {}),
      name: fn.name,
      kind: fn.kind,
      bytes,
      mapBytes,
      importMs: ms,
      importMapsMs: median(mapped.get(file)!) ?? 0,
      ratio,
      ok: bytes <= target.bytes && ratio <= target.ratio,
    };
  });

  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (x: number, n: number, d = 1) => x.toFixed(d).padStart(n);
  console.log(
    `hello-world import: ${helloMs.toFixed(1)} ms (with --enable-source-maps ${helloMapsMs.toFixed(1)} ms), ${samples} fresh processes each`,
  );
  console.log(
    `${pad('function', 28)}${pad('kind', 7)}${'KB'.padStart(8)}${'map KB'.padStart(9)}${'ms'.padStart(8)}${'ms+maps'.padStart(9)}${'×hello'.padStart(8)}${rev ? `${'base KB'.padStart(9)}${'base ms'.padStart(9)}${'base ×'.padStart(8)}` : ''}  verdict`,
  );
  for (const r of results) {
    const t = targets[r.kind];
    const verdict = r.ok ? 'ok' : `MISS (target ≤ ${t.bytes / KB} KB, ≤ ${t.ratio}×)`;
    console.log(
      `${pad(r.name, 28)}${pad(r.kind, 7)}${num(r.bytes / KB, 8)}${num(r.mapBytes / KB, 9)}${num(r.importMs, 8)}${num(r.importMapsMs, 9)}${num(r.ratio, 8)}${r.baseline ? `${num(r.baseline.bytes / KB, 9)}${num(r.baseline.importMs, 9)}${num(r.baseline.ratio, 8)}` : ''}  ${verdict}`,
    );
  }
  const total = results.reduce((s, r) => s + r.bytes, 0);
  const maps = results.reduce((s, r) => s + r.mapBytes, 0);
  const missed = results.filter((r) => !r.ok);
  console.log(
    `total: ${results.length} functions, ${(total / KB / KB).toFixed(2)} MB of JavaScript, ${(maps / KB / KB).toFixed(2)} MB of source maps; ` +
      `${results.length - missed.length} within target, ${missed.length} missed${missed.length ? ` (${missed.map((m) => m.name).join(', ')})` : ''}`,
  );
  if (rev) {
    const before = results.reduce((s, r) => s + (r.baseline?.bytes ?? 0), 0);
    console.log(`baseline ${rev}: ${(before / KB / KB).toFixed(2)} MB of JavaScript, imported in the same rounds`);
  }
  const cli = cliStartup();
  console.log(
    `par --help: ${cli.par.toFixed(1)} ms wall, node -e 0: ${cli.bare.toFixed(1)} ms (${(cli.par / cli.bare).toFixed(2)}×), median of ${samples}`,
  );
  const label = process.env.BENCH_LABEL ?? 'last';
  writeFileSync(
    join(outDir, '..', `bundles-${label}.json`),
    JSON.stringify({ baseline: rev, helloMs, helloMapsMs, cli, results }, null, 2),
  );
}

await main();
