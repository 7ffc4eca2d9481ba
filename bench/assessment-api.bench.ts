/**
 * GET .../assessment (73 leaves) through the local API at 50 concurrent connections (autocannon),
 * against the same read as a bare DynamoDB Query at the same concurrency, in one run.
 * Targets (issues 4 and 15): API p99 ≤ 25 ms and ≤ 3× the bare query's p99, each the median of
 * three rounds (BENCH_ROUNDS) at 50 connections; one round at 1 connection.
 * The API runs in its own process (as `npm start` does, DynamoDB Local in memory).
 */
import autocannon from 'autocannon';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { startLocalApi } from './local-api.ts';

const durationSeconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 50;
const local = await startLocalApi('api');
const { url, dynamoEndpoint } = local;

try {
  const { signToken } = await import('../infra/local/jwt.ts');
  const { readFileSync } = await import('node:fs');
  const token = await signToken({ role: 'unit', unitId: 'SNV' });
  const year = Number(new Date().toLocaleString('en-US', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }));
  const framework = JSON.parse(readFileSync('reference/frameworks/department-2024.json', 'utf8'));
  const { applicableLeaves } = await import('../shared/domain/framework.ts');
  for (const { leaf } of applicableLeaves(framework, [])) {
    if (leaf.method !== 'self') continue;
    const res = await fetch(`${url}/v1/cycles/${year}/units/SNV/assessment/items/${leaf.code}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ selfScore: leaf.maxPoints, note: 'Đã hoàn thành đầy đủ theo kế hoạch năm' }),
    });
    if (res.status !== 200) throw new Error(`seeding ${leaf.code}: ${res.status}`);
  }
  const path = `/v1/cycles/${year}/units/SNV/assessment`;
  const check = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await check.json()) as { items: unknown[] };
  console.log(`assessment: ${body.items.length} leaves`);

  // Warm-up, then the measured run.
  await autocannon({ url: `${url}${path}`, connections, duration: 2, headers: { authorization: `Bearer ${token}` } });
  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: dynamoEndpoint, region: 'ap-southeast-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }),
  );
  const query = () =>
    doc.send(
      new QueryCommand({
        TableName: 'par-local',
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `ASSESS#${year}#SNV` },
      }),
    );
  for (let i = 0; i < 200; i++) await query();

  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  /** One round: the API under autocannon, then the bare query at the same concurrency. */
  async function round(conns: number) {
    const api = await autocannon({
      url: `${url}${path}`,
      connections: conns,
      duration: durationSeconds,
      headers: { authorization: `Bearer ${token}` },
    });
    if (api.non2xx > 0 || api.errors > 0) throw new Error(`API run had ${api.non2xx} non-2xx and ${api.errors} errors`);
    const latencies: number[] = [];
    const deadline = Date.now() + durationSeconds * 1000;
    await Promise.all(
      Array.from({ length: conns }, async () => {
        while (Date.now() < deadline) {
          const t0 = process.hrtime.bigint();
          await query();
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        }
      }),
    );
    latencies.sort((x, y) => x - y);
    const pct = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor((q / 100) * latencies.length))]!;
    const bare = { p50: pct(50), p99: pct(99), rps: latencies.length / durationSeconds };
    console.log(
      `  API (${conns} conns, ${durationSeconds}s): p50 ${api.latency.p50} ms, p99 ${api.latency.p99} ms, ${api.requests.average.toFixed(0)} req/s; ` +
        `bare Query: p50 ${bare.p50.toFixed(1)} ms, p99 ${bare.p99.toFixed(1)} ms, ${bare.rps.toFixed(0)} req/s; ratio ${(api.latency.p99 / bare.p99).toFixed(2)}×`,
    );
    return { api: api.latency.p99, bare: bare.p99, ratio: api.latency.p99 / bare.p99 };
  }

  // The target load (50 connections) in three rounds, reported as medians (a busy machine colours
  // one round; the median of three is steadier), then one connection for a lone request's latency.
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  for (const conns of [connections, 1]) {
    const results = [];
    for (let i = 0; i < (conns === connections ? rounds : 1); i++) results.push(await round(conns));
    const api = median(results.map((r) => r.api));
    const bare = median(results.map((r) => r.bare));
    const ratio = median(results.map((r) => r.ratio));
    console.log(
      `GET assessment at ${conns} conns, median of ${results.length}: API p99 ${api.toFixed(1)} ms, bare Query p99 ${bare.toFixed(1)} ms, ` +
        `ratio ${ratio.toFixed(2)}×  (targets: p99 ≤ 25 ms, ratio ≤ 3×) ${ratio <= 3 && api <= 25 ? 'ok' : 'MISS'}`,
    );
  }
  doc.destroy();
} finally {
  await local.stop();
}
