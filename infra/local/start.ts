/** `npm start`: the whole product on this machine, data kept under `.local/` between runs. */
import { ensureConsoleBuilt } from './console-build.ts';
import { localDir } from './paths.ts';
import { startRuntime } from './runtime.ts';

const port = Number(process.env.PORT ?? 3000);
await ensureConsoleBuilt((line) => console.log(line));
// PAR_IN_MEMORY=1 keeps DynamoDB Local in memory (benchmarks, throw-away demos).
const runtime = await startRuntime({
  port,
  dataDir: localDir(),
  inMemory: process.env.PAR_IN_MEMORY === '1',
  // Imports an outage left running are taken up at start and every few minutes, as in the cloud.
  periodicRedrive: true,
  // Public routes (survey answers, published results) are throttled as API Gateway does.
  throttlePublic: true,
});
const seeded = runtime.seeded;

console.log(`
PAR Index local runtime
  Console    ${runtime.url}/   (development sign-in: pick a seeded user)
  API        ${runtime.url}/v1   (e.g. GET ${runtime.url}/v1/units?type=department)
  OpenAPI    ${runtime.url}/openapi.json
  Docs       ${runtime.url}/docs
  Reports    ${runtime.url}/reports/   (published reports, also as files under ${runtime.reports.dir})
  DynamoDB   ${runtime.env.DYNAMODB_ENDPOINT}  (table ${runtime.env.TABLE_NAME})
  S3         ${runtime.env.S3_ENDPOINT}  (buckets ${runtime.env.EVIDENCE_BUCKET}, ${runtime.env.IMPORTS_BUCKET}, ${runtime.env.REPORTS_BUCKET})
  Data       ${localDir()}
  Seeded     ${seeded ? `${seeded.units} units, ${seeded.frameworks} frameworks, ${seeded.surveys} surveys${seeded.cycle ? `, cycle ${seeded.cycle}` : ''} (already-present data is kept)` : 'skipped'}

Tokens (RS256, signed with the key under .local/keys):
  TOKEN=$(npx par token --role admin)
  npx par token --role unit --unit SNV
  npx par token --role appraiser --unit SNV --areas '*'
  npx par token --role appraiser --unit H-BATRI --district H-BATRI --areas '*'
  npx par token --role council
  curl -H "Authorization: Bearer $TOKEN" '${runtime.url}/v1/units?type=commune&parent=H-BATRI'

Ctrl-C stops everything.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping…');
    runtime.stop().then(
      () => process.exit(0),
      (error: unknown) => (console.error(error), process.exit(1)),
    );
  });
}
