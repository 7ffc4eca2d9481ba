/**
 * The cost model's arithmetic (bench/cost.ts measures): from the counts of one simulated cycle to
 * the usage of a province-year and a national year, each line saying whether it is measured,
 * scaled from a measurement, or assumed; then priced with bench/prices-ap-southeast-1.json.
 */
import { readFileSync } from 'node:fs';
import type { RouteId } from '../shared/routes.ts';

export interface Totals {
  count: number;
  ms: number;
  rru: number;
  wru: number;
  ddbCalls: Record<string, number>;
  s3Calls: Record<string, number>;
  s3PutBytes: number;
}
export interface Probe {
  role: string;
  requests: Record<string, Totals & { statuses: Record<string, number> }>;
  other: Omit<Totals, 'count' | 'ms'>;
  presigned: { posts: number; postBytes: number; gets: number };
  logBytes: number;
  logLines: number;
  capacityReported: number;
  capacityMissing: number;
  aliveMs: number;
}
/** What one bucket-event function did over the cycle (its invocations are child processes). */
export interface EventWork {
  invocations: number;
  ms: number;
  rru: number;
  wru: number;
  s3Get: number;
  s3Put: number;
  s3PutBytes: number;
  logBytes: number;
}
export interface Measured {
  units: number;
  leaves: number;
  rows: number;
  transitions: number;
  taskRuns: number;
  perRoute: Partial<Record<RouteId, Totals>>;
  unmatched: string[];
  runtimeOther: { rru: number; wru: number; s3Get: number; s3Put: number; s3PutBytes: number };
  presigned: { posts: number; postBytes: number };
  ingestion: EventWork;
  /** The report function (one invocation per council publication): scaled by units, as the reports grow with them. */
  reports: EventWork;
  logBytes: number;
  capacity: { reported: number; missing: number };
}
export interface Sizes {
  apiMemoryMb: (id: RouteId) => number;
  taskMemoryMb: number;
  ingestionMemoryMb: number;
  reportsMemoryMb: number;
}

/** Assumptions where the simulation cannot stand for the year; each is printed. */
export const assumptions = {
  evidenceFilesPerUnit: 5,
  evidenceFileMb: 2,
  /** The council approves ~30 days after the draft: the machine polls every 6 h (Wait 21600 s). */
  approvalPolls: 120,
  /** Billed duration of one pipeline task run at 1 GB (they read and write a few hundred items). */
  taskSeconds: 2,
  /** Sparse daytime use: a fifth of invocations start a fresh environment; INIT is billed. */
  coldShare: 0.2,
  initSeconds: 0.35,
  /** START/END/REPORT lines Lambda writes per invocation. */
  platformLogBytes: 350,
  /** State machine logs: ALL with execution data, ~2 events of ~1.5 KB per transition. */
  sfnLogBytesPerTransition: 3_000,
  /** Everything uploaded in the year is kept all year (upper bound of GB-months). */
  storageMonths: 12,
};

export interface Usage {
  apiRequests: number;
  lambdaInvocations: number;
  gbSeconds: number;
  rru: number;
  wru: number;
  ddbStorageGbMonths: number;
  s3Put: number;
  s3Get: number;
  s3StorageGbMonths: number;
  transitions: number;
  logGb: number;
  logStorageGbMonths: number;
  traces: number;
}

const GB = 1024 ** 3;

export function usageOf(m: Measured, sizes: Sizes, scale: { units: number; responses: number }): Usage {
  const a = assumptions;
  const perUnit = scale.units / m.units;
  const perResponse = scale.responses / m.rows;
  const evidenceSim = (m.perRoute.createEvidence?.count ?? m.units) / m.units;
  const evidence = a.evidenceFilesPerUnit / evidenceSim;
  const factor = (id: string) => perUnit * (id === 'createEvidence' || id === 'confirmEvidence' ? evidence : 1);

  let apiRequests = 0;
  let apiGbSeconds = 0;
  let rru = 0;
  let wru = 0;
  let s3Get = 0;
  let s3Put = 0;
  for (const [id, t] of Object.entries(m.perRoute) as [RouteId, Totals][]) {
    const f = factor(id);
    apiRequests += t.count * f;
    apiGbSeconds += ((t.ms * f) / 1000) * (sizes.apiMemoryMb(id) / 1024);
    rru += t.rru * f;
    wru += t.wru * f;
    for (const [k, v] of Object.entries(t.s3Calls)) {
      if (/^(Get|Head)/.test(k)) s3Get += v * f;
      else if (/^(Put|List|Copy)/.test(k)) s3Put += v * f;
    }
  }
  // The simulation saves self scores in one batch per unit; clerks PUT each leaf: one request per
  // leaf, each reading the unit's context as GET .../assessment does (its writes are counted).
  const view = m.perRoute.getAssessment;
  const selfPuts = m.leaves * perUnit;
  apiRequests += selfPuts;
  if (view && view.count > 0) {
    apiGbSeconds += ((selfPuts * (view.ms / view.count)) / 1000) * (sizes.apiMemoryMb('putSelfItem') / 1024);
    rru += selfPuts * (view.rru / view.count);
  }
  // Outside requests: pipeline tasks and the simulation's direct saves (per unit); ingestion (per response).
  rru += m.runtimeOther.rru * perUnit + m.ingestion.rru * perResponse + m.reports.rru * perUnit;
  wru += m.runtimeOther.wru * perUnit + m.ingestion.wru * perResponse + m.reports.wru * perUnit;
  const evidencePosts = (m.perRoute.createEvidence?.count ?? 0) * perUnit * evidence;
  const importPosts = Math.max(0, m.presigned.posts - (m.perRoute.createEvidence?.count ?? 0)) * perUnit;
  s3Put += evidencePosts + importPosts + m.runtimeOther.s3Put * perUnit + m.ingestion.s3Put * perResponse + m.reports.s3Put * perUnit;
  s3Get += m.runtimeOther.s3Get * perUnit + m.ingestion.s3Get * perResponse + m.reports.s3Get * perUnit;

  const taskRuns = m.taskRuns + (a.approvalPolls - 1);
  const transitions = m.transitions + (a.approvalPolls - 1) * 3;
  const taskGbSeconds = taskRuns * a.taskSeconds * (sizes.taskMemoryMb / 1024) * Math.max(1, perUnit);
  const ingestionInvocations = m.ingestion.invocations * perUnit;
  const ingestionGbSeconds = ((m.ingestion.ms * perResponse) / 1000) * (sizes.ingestionMemoryMb / 1024);
  // Report invocations follow the councils (one per publication), not the units; their work grows with the units.
  const reportInvocations = m.reports.invocations;
  const reportGbSeconds = ((m.reports.ms * perUnit) / 1000) * (sizes.reportsMemoryMb / 1024);
  const lambdaInvocations = apiRequests + taskRuns + ingestionInvocations + reportInvocations;
  const initGbSeconds = lambdaInvocations * a.coldShare * a.initSeconds * (512 / 1024);

  const evidenceBytes = scale.units * a.evidenceFilesPerUnit * a.evidenceFileMb * 1024 ** 2;
  const importBytes = m.presigned.postBytes * perResponse; // the survey CSV files (evidence posts in the simulation are tiny)
  const reportBytes = (m.runtimeOther.s3PutBytes + (m.perRoute.approveResults?.s3PutBytes ?? 0) + m.reports.s3PutBytes) * perUnit;
  const logBytes =
    m.logBytes * perUnit +
    m.ingestion.logBytes * perResponse +
    m.reports.logBytes * perUnit +
    lambdaInvocations * a.platformLogBytes +
    transitions * a.sfnLogBytesPerTransition;
  return {
    apiRequests,
    lambdaInvocations,
    gbSeconds: apiGbSeconds + taskGbSeconds + ingestionGbSeconds + reportGbSeconds + initGbSeconds,
    rru,
    wru,
    // Upper bound: every write unit stayed as 1 KB of table data.
    ddbStorageGbMonths: ((wru * 1024) / GB) * a.storageMonths,
    s3Put,
    s3Get,
    s3StorageGbMonths: ((evidenceBytes + importBytes + reportBytes) / GB) * a.storageMonths,
    transitions,
    logGb: logBytes / GB,
    logStorageGbMonths: logBytes / GB,
    traces: lambdaInvocations + 1,
  };
}

interface Prices {
  date: string;
  lambda: { requestsPerMillion: number; arm64GbSecond: number };
  apiGatewayHttp: { requestsPerMillion: number };
  dynamodb: { writeRequestUnitsPerMillion: number; readRequestUnitsPerMillion: number; storageGbMonth: number };
  s3: { storageGbMonth: number; putCopyPostListPerThousand: number; getSelectPerThousand: number };
  stepFunctions: { transitionsPerThousand: number };
  cloudwatchLogs: { ingestionGb: number; storageGbMonth: number };
  xray: { tracesRecordedPerMillion: number };
}

export const prices = JSON.parse(readFileSync(new URL('./prices-ap-southeast-1.json', import.meta.url), 'utf8')) as Prices;

/** One line per billed item: [label, quantity, unit, USD]. */
export function bill(u: Usage, p: Prices = prices): [string, number, string, number][] {
  return [
    ['API Gateway HTTP requests', u.apiRequests, 'requests', (u.apiRequests / 1e6) * p.apiGatewayHttp.requestsPerMillion],
    ['Lambda requests', u.lambdaInvocations, 'invocations', (u.lambdaInvocations / 1e6) * p.lambda.requestsPerMillion],
    ['Lambda compute (arm64)', u.gbSeconds, 'GB-s', u.gbSeconds * p.lambda.arm64GbSecond],
    ['DynamoDB reads', u.rru, 'RRU', (u.rru / 1e6) * p.dynamodb.readRequestUnitsPerMillion],
    ['DynamoDB writes', u.wru, 'WRU', (u.wru / 1e6) * p.dynamodb.writeRequestUnitsPerMillion],
    ['DynamoDB storage', u.ddbStorageGbMonths, 'GB-month', u.ddbStorageGbMonths * p.dynamodb.storageGbMonth],
    ['S3 PUT/POST/LIST', u.s3Put, 'requests', (u.s3Put / 1000) * p.s3.putCopyPostListPerThousand],
    ['S3 GET/HEAD', u.s3Get, 'requests', (u.s3Get / 1000) * p.s3.getSelectPerThousand],
    ['S3 storage', u.s3StorageGbMonths, 'GB-month', u.s3StorageGbMonths * p.s3.storageGbMonth],
    ['Step Functions', u.transitions, 'transitions', (u.transitions / 1000) * p.stepFunctions.transitionsPerThousand],
    ['CloudWatch Logs ingestion', u.logGb, 'GB', u.logGb * p.cloudwatchLogs.ingestionGb],
    ['CloudWatch Logs storage', u.logStorageGbMonths, 'GB-month', u.logStorageGbMonths * p.cloudwatchLogs.storageGbMonth],
    ['X-Ray traces', u.traces, 'traces', (u.traces / 1e6) * p.xray.tracesRecordedPerMillion],
  ];
}

const qty = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(x >= 1 ? 1 : 3));

export function printReport(m: Measured, province: Usage, national: Usage): void {
  const a = assumptions;
  console.log('Counts MEASURED by instrumenting the simulated cycle (npm run cycle -- --simulate, bench/cost-probe.mjs):');
  console.log(
    `  ${m.units} units, ${m.leaves} self scores, ${m.rows} survey rows, ${Object.values(m.perRoute).reduce((s, t) => s + t!.count, 0)} API requests, ` +
      `${m.transitions} state transitions (${m.taskRuns} task runs), ${m.ingestion.invocations} ingestion and ${m.reports.invocations} report invocations; ` +
      `DynamoDB capacity reported by DynamoDB Local for ${m.capacity.reported} calls, minimum assumed for ${m.capacity.missing}`,
  );
  if (m.unmatched.length) console.log(`  requests matching no route: ${m.unmatched.slice(0, 5).join(', ')}`);
  console.log('SCALED from the measurement: API, pipeline, report and direct-save counts by units; ingestion by survey responses;');
  console.log(
    `  evidence requests to ${a.evidenceFilesPerUnit} files per unit; self scores as one PUT per leaf (the simulation batches them),`,
  );
  console.log('  each charged the reads and duration of a measured GET .../assessment.');
  console.log(
    `ASSUMED: evidence ${a.evidenceFilesPerUnit} × ${a.evidenceFileMb} MB per unit kept ${a.storageMonths} months; approval after ${a.approvalPolls} polls (6 h apart); ` +
      `pipeline task ${a.taskSeconds} s at 1 GB; ${a.coldShare * 100} % cold starts with ${a.initSeconds} s billed INIT; ` +
      `${a.platformLogBytes} B of platform log per invocation; ${a.sfnLogBytesPerTransition} B of state-machine log per transition; ` +
      'Lambda durations as measured on this machine (slower than Lambda: an upper bound); no free tier.',
  );
  const p = bill(province);
  const n = bill(national);
  console.log(`\nPrices: ap-southeast-1 on-demand, ${prices.date} (bench/prices-ap-southeast-1.json)`);
  console.log(
    `${'item'.padEnd(28)}${'province-year'.padStart(16)}${'USD'.padStart(10)}${'national year'.padStart(18)}${'USD'.padStart(10)}  unit`,
  );
  for (let i = 0; i < p.length; i++) {
    const [label, q, unit, usd] = p[i]!;
    const [, nq, , nusd] = n[i]!;
    console.log(
      `${label.padEnd(28)}${qty(q).padStart(16)}${usd.toFixed(4).padStart(10)}${qty(nq).padStart(18)}${nusd.toFixed(2).padStart(10)}  ${unit}`,
    );
  }
  const total = (b: typeof p) => b.reduce((s, l) => s + l[3], 0);
  const pt = total(p);
  console.log(`${'total'.padEnd(28)}${''.padStart(16)}${pt.toFixed(2).padStart(10)}${''.padStart(18)}${total(n).toFixed(2).padStart(10)}`);
  console.log(`\nprovince-year (184 units, 20,000 responses): US$${pt.toFixed(2)} — target ≤ US$5: ${pt <= 5 ? 'ok' : 'MISS'}`);
  console.log(`national year (5,000 units, 1,000,000 responses): US$${total(n).toFixed(2)}`);
}
