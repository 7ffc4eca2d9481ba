/**
 * Cold start with the first request (issue 15): the bundle benchmark times `import()` only, and a
 * function that merely deferred work to its first invocation would look faster there while the
 * clerk waits as long. This one imports a bundle in a fresh process AND answers one real request
 * with it (an API Gateway event with the route's path and a verified token's claims, against the
 * seeded local runtime's DynamoDB Local and S3), for a sample of read routes across the areas.
 * Reported: median import ms, first-invocation ms and their sum, with a hello-world import and
 * invocation in the same rounds; with `BENCH_BASELINE` (after `npm run bench -- bundles` built the
 * baseline's bundles under .bench/bundles/baseline/) the baseline's bundles too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { esbuildOptionsFor, repoRoot } from '../infra/constructs/app-function.ts';
import { claimNames } from '../shared/domain/roles.ts';
import { routeList } from '../shared/routes.ts';
import { startLocalApi } from './local-api.ts';

const samples = Number(process.env.BENCH_SAMPLES ?? 7);
const outDir = fileURLToPath(new URL('../.bench/cold-start/', import.meta.url));
const baselineDir = fileURLToPath(new URL('../.bench/bundles/baseline/', import.meta.url));
const year = Number(new Date().toLocaleString('en-US', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }));

const unit = { [claimNames.groups]: ['unit'], [claimNames.unitId]: 'SNV' };
const admin = { [claimNames.groups]: ['admin'] };
const appraiser = { [claimNames.groups]: ['appraiser'], [claimNames.unitId]: 'SNV', [claimNames.areas]: '*' };
/** Read routes across the areas: the route id, its path parameters and the caller's claims (none: a public route). */
const cases: { id: string; params: Record<string, string>; claims?: Record<string, unknown>; query?: Record<string, string> }[] = [
  { id: 'getUnit', params: { unitId: 'SNV' }, claims: unit },
  { id: 'listUnits', params: {}, claims: admin, query: { type: 'commune' } },
  { id: 'getCycle', params: { year: String(year) }, claims: unit },
  { id: 'getAssessment', params: { year: String(year), unitId: 'SNV' }, claims: unit },
  { id: 'listAppraisals', params: { year: String(year) }, claims: appraiser },
  { id: 'getCycleAudit', params: { year: String(year) }, claims: admin },
  { id: 'getSurvey', params: { year: String(year), surveyId: 'department-survey-2024' }, claims: admin },
  { id: 'publicResultYears', params: {} },
  { id: 'publicSiteHome', params: {} },
];

function eventFor(c: (typeof cases)[number]) {
  const route = routeList.find((r) => r.id === c.id);
  if (!route) throw new Error(`no route ${c.id}`);
  const rawPath = route.path.replace(/\{(\w+)\}/g, (_, k: string) => c.params[k] ?? `{${k}}`);
  return {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath,
    rawQueryString: new URLSearchParams(c.query ?? {}).toString(),
    headers: { host: 'bench.local' },
    ...(c.query ? { queryStringParameters: c.query } : {}),
    pathParameters: c.params,
    isBase64Encoded: false,
    requestContext: {
      requestId: 'bench-request',
      http: { method: route.method, path: rawPath },
      ...(c.claims ? { authorizer: { jwt: { claims: { sub: 'bench', username: 'bench', ...c.claims } } } } : {}),
    },
  };
}

/** One fresh process: import, then one invocation. */
const probe = `const [file, event] = [process.argv[1], JSON.parse(process.argv[2])];
const t0 = performance.now(); const m = await import(file); const t1 = performance.now();
const res = await m.handler(event, { awsRequestId: 'bench', functionName: 'bench', memoryLimitInMB: '1024', invokedFunctionArn: 'arn:bench' });
const t2 = performance.now();
process.stdout.write(JSON.stringify({ importMs: t1 - t0, invokeMs: t2 - t1, status: res.statusCode }));`;

function run(file: string, event: unknown, env: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe, pathToFileURL(file).href, JSON.stringify(event)], {
    env,
    cwd: outDir,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`${file}: exit ${r.status}: ${r.stderr.slice(0, 1500)}`);
  return JSON.parse(r.stdout) as { importMs: number; invokeMs: number; status: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function main() {
  mkdirSync(join(outDir, 'hello'), { recursive: true });
  const hello = join(outDir, 'hello', 'index.mjs');
  writeFileSync(hello, 'export const handler = async () => ({ statusCode: 200, body: "hello" });\n');
  const bundles = new Map<string, { file: string; base?: string }>();
  await Promise.all(
    cases.map(async (c) => {
      const route = routeList.find((r) => r.id === c.id)!;
      const file = join(outDir, c.id, 'index.mjs');
      await build({ ...esbuildOptionsFor(join(repoRoot, route.handler), file), logLevel: 'error' });
      const base = join(baselineDir, c.id, 'index.mjs');
      bundles.set(c.id, { file, ...(process.env.BENCH_BASELINE && existsSync(base) ? { base } : {}) });
    }),
  );
  const local = await startLocalApi('cold');
  const { lambdaEnvironment } = await import('../infra/local/runtime.ts');
  const env = { PATH: process.env.PATH, ...lambdaEnvironment(local.dynamoEndpoint, local.s3Endpoint), POWERTOOLS_LOG_LEVEL: 'ERROR' };
  try {
    const seen = new Map<string, { importMs: number[]; invokeMs: number[]; status: Set<number> }>();
    const record = (key: string, r: ReturnType<typeof run>) => {
      const s = seen.get(key) ?? seen.set(key, { importMs: [], invokeMs: [], status: new Set() }).get(key)!;
      s.importMs.push(r.importMs);
      s.invokeMs.push(r.invokeMs);
      s.status.add(r.status);
    };
    for (let i = 0; i < samples; i++) {
      record('hello', run(hello, {}, env));
      for (const c of cases) {
        const { file, base } = bundles.get(c.id)!;
        record(c.id, run(file, eventFor(c), env));
        if (base) record(`${c.id} (baseline)`, run(base, eventFor(c), env));
      }
    }
    const h = seen.get('hello')!;
    const helloTotal = median(h.importMs) + median(h.invokeMs);
    console.log(
      `hello-world: import ${median(h.importMs).toFixed(1)} ms + invoke ${median(h.invokeMs).toFixed(1)} ms, ${samples} fresh processes each`,
    );
    console.log(
      `${'function'.padEnd(30)}${'import'.padStart(8)}${'1st req'.padStart(9)}${'sum'.padStart(8)}${'×hello'.padStart(8)}  status`,
    );
    for (const [key, s] of seen) {
      if (key === 'hello') continue;
      const [im, inv] = [median(s.importMs), median(s.invokeMs)];
      const statuses = [...s.status];
      if (statuses.some((x) => x !== 200)) throw new Error(`${key} answered ${statuses.join(', ')}, not 200: the request did not run`);
      console.log(
        `${key.padEnd(30)}${im.toFixed(1).padStart(8)}${inv.toFixed(1).padStart(9)}${(im + inv).toFixed(1).padStart(8)}${((im + inv) / helloTotal).toFixed(1).padStart(8)}  ${statuses.join(',')}`,
      );
    }
  } finally {
    await local.stop();
  }
}

await main();
