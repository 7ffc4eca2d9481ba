/**
 * Cost model (issue 15): `npm run bench -- cost`. Runs the simulated province-year
 * (`npm run cycle -- --simulate`: 184 units self-assess, appraisers appraise, three survey files
 * are imported, the state machine computes, the council approves, reports are published) with
 * bench/cost-probe.mjs loaded into it and every process it forks. The probe COUNTS what the
 * product really does: each API request (one API Gateway request and one Lambda invocation, with
 * its measured duration), the DynamoDB capacity every call consumed (as DynamoDB Local reports
 * it), S3 calls and presigned transfers with their bytes, JSON log bytes. Where the simulation
 * takes a shortcut or is smaller than the brief's province, the model scales the measured counts
 * and says how (`adjustments` below, printed with the table). Prices: bench/prices-ap-southeast-1.json.
 *
 * COST_REUSE=1 prices the counts of the last run (.bench/cost/) without simulating again.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { functionSizes } from '../infra/stacks/api-stack.ts';
import { pipelineFunctionSize } from '../infra/stacks/pipeline-stack.ts';
import { pipelineTasks } from '../infra/pipeline/definition.ts';
import { bucketSubscriptions } from '../shared/events.ts';
import { routeList, type RouteId } from '../shared/routes.ts';
import { printReport, usageOf, type EventWork, type Measured, type Probe, type Totals } from './cost-model.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const probeDir = join(root, '.bench', 'cost', 'probe');
const stdoutFile = join(root, '.bench', 'cost', 'cycle.log');
const year = 2030;

async function simulate(): Promise<string> {
  rmSync(join(root, '.bench', 'cost'), { recursive: true, force: true });
  mkdirSync(probeDir, { recursive: true });
  const probe = join(root, 'bench', 'cost-probe.mjs');
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/cycle.ts', '--year', String(year), '--simulate'], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${probe}`.trim(), PAR_COST_PROBE_DIR: probeDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const { writeFileSync } = await import('node:fs');
  writeFileSync(stdoutFile, out);
  if (code !== 0) throw new Error(`the simulated cycle failed (exit ${code}):\n${out.slice(-3000)}`);
  const dataDir = /data under (\S+)/.exec(out)?.[1];
  if (dataDir?.includes('.local/simulations/')) rmSync(dataDir, { recursive: true, force: true });
  return out;
}

const templates = routeList.map((r) => ({
  id: r.id,
  method: r.method,
  re: new RegExp(`^${r.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));
function routeOf(key: string): RouteId | undefined {
  const [method, path] = key.split(' ');
  return templates.find((t) => t.method === method && t.re.test(path!))?.id;
}

function add(into: Record<string, number>, from: Record<string, number>) {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

async function main() {
  const started = Date.now();
  const out = process.env.COST_REUSE ? readFileSync(stdoutFile, 'utf8') : await simulate();
  const probes = readdirSync(probeDir).map((f) => JSON.parse(readFileSync(join(probeDir, f), 'utf8')) as Probe);

  // Measured: API requests per route, with duration and the DynamoDB/S3 work done on their behalf.
  const perRoute: Partial<Record<RouteId, Totals>> = {};
  const unmatched: string[] = [];
  const runtime = probes.filter((p) => p.role === 'runtime');
  // Bucket-event functions run as child processes named after their subscription (infra/local/s3-events.ts).
  const ofSubscription = (id: string) => probes.filter((p) => p.role === `par-local-${id}`);
  const ingestion = ofSubscription('surveyImportUploaded');
  const reports = ofSubscription('reportsRequested');
  const strays = probes.filter((p) => p.role !== 'runtime' && !ingestion.includes(p) && !reports.includes(p));
  if (strays.length) throw new Error(`probes of functions the model does not know: ${[...new Set(strays.map((p) => p.role))].join(', ')}`);
  for (const p of runtime) {
    for (const [key, t] of Object.entries(p.requests)) {
      const id = routeOf(key);
      if (!id) {
        unmatched.push(key);
        continue;
      }
      const r = (perRoute[id] ??= { count: 0, ms: 0, rru: 0, wru: 0, ddbCalls: {}, s3Calls: {}, s3PutBytes: 0 });
      r.count += t.count;
      r.ms += t.ms;
      r.rru += t.rru;
      r.wru += t.wru;
      r.s3PutBytes += t.s3PutBytes;
      add(r.ddbCalls, t.ddbCalls);
      add(r.s3Calls, t.s3Calls);
    }
  }
  const sum = (ps: Probe[], f: (p: Probe) => number) => ps.reduce((s, p) => s + f(p), 0);
  const eventWork = (ps: Probe[]): EventWork => ({
    invocations: ps.length,
    ms: sum(ps, (p) => p.aliveMs),
    rru: sum(ps, (p) => p.other.rru),
    wru: sum(ps, (p) => p.other.wru),
    s3Get: sum(ps, (p) => s3Count(p.other.s3Calls, /^(Get|Head)/)),
    s3Put: sum(ps, (p) => s3Count(p.other.s3Calls, /^(Put|List|Copy)/)),
    s3PutBytes: sum(ps, (p) => p.other.s3PutBytes),
    logBytes: sum(ps, (p) => p.logBytes),
  });
  const s3Count = (calls: Record<string, number>, re: RegExp) =>
    Object.entries(calls)
      .filter(([k]) => re.test(k))
      .reduce((s, [, v]) => s + v, 0);

  const rows = [...out.matchAll(/survey import \S+: (\d+) of (\d+) rows/g)].reduce((s, m) => s + Number(m[2]), 0);
  const leaves = Number(/(\d+) self scores/.exec(out)?.[1] ?? 0);
  // The cycle prints progress (`appraisal: 132/184 units`): the total is the province's units.
  const units = Math.max(0, ...[...out.matchAll(/(?:self-assessment|appraisal): \d+\/(\d+) units/g)].map((m) => Number(m[1])));
  // The local runner prints each state it enters: `state machine: LoadCycle (1.2 s)`.
  const entered = [...out.matchAll(/^state machine: (\S+) \(/gm)];
  const transitions = entered.length;
  const taskRuns = entered.filter((m) => pipelineTasks.some((t) => t.state === m[1])).length;

  const measured: Measured = {
    units,
    leaves,
    rows,
    transitions,
    taskRuns,
    perRoute,
    unmatched,
    runtimeOther: {
      rru: sum(runtime, (p) => p.other.rru),
      wru: sum(runtime, (p) => p.other.wru),
      s3Get: sum(runtime, (p) => s3Count(p.other.s3Calls, /^(Get|Head)/)),
      s3Put: sum(runtime, (p) => s3Count(p.other.s3Calls, /^(Put|List|Copy)/)),
      s3PutBytes: sum(runtime, (p) => p.other.s3PutBytes),
    },
    presigned: { posts: sum(runtime, (p) => p.presigned.posts), postBytes: sum(runtime, (p) => p.presigned.postBytes) },
    ingestion: eventWork(ingestion),
    reports: eventWork(reports),
    logBytes: sum(runtime, (p) => p.logBytes),
    capacity: { reported: sum(probes, (p) => p.capacityReported), missing: sum(probes, (p) => p.capacityMissing) },
  };
  if (units === 0 || rows === 0)
    throw new Error('the simulation output has no units or survey rows: did the cycle change its report lines?');

  const sizes = {
    apiMemoryMb: (id: RouteId) => functionSizes[routeList.find((r) => r.id === id)!.size ?? 'small'].memorySize,
    taskMemoryMb: pipelineFunctionSize.memorySize,
    ingestionMemoryMb: bucketSubscriptions.find((b) => b.id === 'surveyImportUploaded')!.memoryMb,
    reportsMemoryMb: bucketSubscriptions.find((b) => b.id === 'reportsRequested')!.memoryMb,
  };
  const province = usageOf(measured, sizes, { units: 184, responses: 20_000 });
  const national = usageOf(measured, sizes, { units: 5_000, responses: 1_000_000 });
  printReport(measured, province, national);
  console.log(`\n(cost model done in ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

await main();
