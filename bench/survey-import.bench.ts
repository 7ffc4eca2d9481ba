/**
 * Benchmark of the survey import (issue 6), on its own DynamoDB Local (in memory) and s3rver:
 *
 * - throughput: a 100,000-row CSV ingested by the real upload-event handler path (`ingestUpload`:
 *   lease, S3 stream, UTF-8 check, csv-parse, row checks, duplicate check, respondent writes,
 *   report rows, checkpoints, counts, completion) against a bare BatchWrite loop of the same
 *   respondent items (pre-built, chunks of 25, the same 8 requests in flight, UnprocessedItems
 *   retried). Target: import ≥ 0.8 × bare. Two rounds, each into a fresh survey (no duplicates).
 * - memory: a 1,000,000-row CSV ingested the same way; target peak RSS < 300 MB.
 * - with BENCH_XLSX=1 (or =only, without the CSV runs), the same for a 1,000,000-row XLSX (bench/xlsx-input.ts: shared strings after
 *   the sheet, so the reader spools it): rows/s and peak RSS against the same target.
 *
 * Each measurement runs in its own child process (as Lambda would run the function), so its peak
 * RSS (`process.resourceUsage().maxRSS`) is its own; times exclude process start-up. Input files
 * are generated once (deterministic) under .bench/survey-import/.
 *
 *   npx tsx bench/survey-import.bench.ts        (or `npm run bench -- survey-import`)
 */
import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { bucketSubscriptions, type BucketSubscription } from '../shared/events.ts';
import { generateSurveyXlsx } from './xlsx-input.ts';

const here = fileURLToPath(import.meta.url);
const ingestion = bucketSubscriptions.find((s) => s.id === 'surveyImportUploaded') as BucketSubscription;
const dir = fileURLToPath(new URL('../.bench/survey-import/', import.meta.url));
const concurrency = 8;
const surveyTemplate = 'reference/surveys/department-survey-2024.json';
const units = [
  'VPUBND',
  'SNV',
  'STP',
  'SKHDT',
  'STC',
  'SCT',
  'SNNPTNT',
  'SGTVT',
  'SXD',
  'STNMT',
  'STTTT',
  'SLDTBXH',
  'SVHTTDL',
  'SKHCN',
  'SGDDT',
  'SYT',
  'TTT',
  'BQLKCN',
];

interface Definition {
  questions: { id: string; groups: string[] }[];
}

/** A realistic file: 18 departments, three groups, each respondent answering the questions of its group. */
async function generate(path: string, rows: number): Promise<void> {
  if (existsSync(path)) return;
  const definition = JSON.parse(readFileSync(surveyTemplate, 'utf8')) as Definition;
  const groups = ['leader', 'civil-servant', 'citizen'];
  const out = createWriteStream(path);
  out.write(`\uFEFFrespondentId,unitId,group,${definition.questions.map((q) => q.id).join(',')}\r\n`);
  let seed = 2024;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    const group = groups[next() % 3] as string;
    const answers = definition.questions.map((q) => (q.groups.includes(group) ? 'ABCDE'[next() % 5] : ''));
    chunk += `P${String(i).padStart(8, '0')},${units[next() % units.length]},${group},${answers.join(',')}\r\n`;
    if (i % 10_000 === 0) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

type ChildResult = { ms: number; rows: number; maxRssKiB: number; outcome?: string };

/** Child: ingest one uploaded file through the upload-event path. */
async function childImport(args: { bucket: string; key: string }): Promise<ChildResult> {
  const { ingestUpload } = await import('../shared/app/surveys/ingestion/ingest-upload.ts');
  const { getImport } = await import('../shared/store/survey-imports-store.ts');
  const { parseImportObjectKey } = await import('../shared/store/import-files.ts');
  const started = process.hrtime.bigint();
  const outcome = await ingestUpload(args.bucket, args.key, { concurrency });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const ref = parseImportObjectKey(args.key);
  const record = ref ? await getImport(ref) : undefined;
  return { ms, rows: record?.accepted ?? 0, maxRssKiB: process.resourceUsage().maxRSS, outcome };
}

/** Child: the same respondent items, built before the clock starts, written by a plain BatchWrite loop. */
async function childBare(args: { file: string; year: number; surveyId: string }): Promise<ChildResult> {
  const { respondentItem } = await import('../shared/store/survey-respondents-store.ts');
  const lines = readFileSync(args.file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);
  const ids = (lines.shift() as string).split(',').slice(3);
  const items = lines.map((line, i) => {
    const [respondentId, unitId, group, ...cells] = line.split(',');
    const answers: Record<string, string> = {};
    cells.forEach((c, k) => c && (answers[ids[k] as string] = c));
    return respondentItem({ year: args.year, surveyId: args.surveyId, importId: 'bare' }, i + 2, {
      respondentId: respondentId as string,
      unitId: unitId as string,
      group: group as string,
      answers,
    });
  });
  const table = process.env.TABLE_NAME as string;
  const client = new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT, maxAttempts: 4 });
  const { DynamoDBDocumentClient } = await import('@aws-sdk/lib-dynamodb');
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  let nextChunk = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let c = nextChunk++; c * 25 < items.length; c = nextChunk++) {
        let pending: unknown[] = items.slice(c * 25, c * 25 + 25).map((Item) => ({ PutRequest: { Item } }));
        for (let attempt = 1; pending.length > 0; attempt++) {
          const out = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending as never } }));
          pending = out.UnprocessedItems?.[table] ?? [];
          if (pending.length > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
        }
      }
    }),
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  client.destroy();
  return { ms, rows: items.length, maxRssKiB: process.resourceUsage().maxRSS };
}

const execFileAsync = promisify(execFile);

/** Runs a measurement in a fresh process (the parent keeps serving S3 meanwhile, so never a sync spawn). */
async function inChild(mode: 'import' | 'bare', args: unknown): Promise<ChildResult> {
  // The function's own setting (shared/events.ts), as Lambda and the local runtime run it.
  const heap = mode === 'import' ? [`--max-old-space-size=${ingestion.maxOldSpaceMb ?? ingestion.memoryMb}`] : [];
  const { stdout } = await execFileAsync(process.execPath, [...heap, '--import', 'tsx', here, `--${mode}`, JSON.stringify(args)], {
    env: process.env,
    maxBuffer: 1 << 22,
  });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ChildResult;
}

async function main(): Promise<void> {
  const modeArg = process.argv.findIndex((a) => a === '--import' || a === '--bare');
  if (modeArg > 0) {
    const args = JSON.parse(process.argv[modeArg + 1] ?? '{}');
    const result = process.argv[modeArg] === '--import' ? await childImport(args) : await childBare(args);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  }
  mkdirSync(dir, { recursive: true });
  const file100k = join(dir, 'responses-100k.csv');
  const file1m = join(dir, 'responses-1m.csv');
  const fileWarm = join(dir, 'responses-20k.csv');
  await Promise.all([generate(fileWarm, 20_000), generate(file100k, 100_000), generate(file1m, 1_000_000)]);

  const { startDynamoDbLocal, startS3Emulator } = await import('../infra/local/services.ts');
  const { lambdaEnvironment } = await import('../infra/local/runtime.ts');
  const work = mkdtempSync(join(tmpdir(), 'par-bench-survey-'));
  const dynamo = await startDynamoDbLocal({});
  const s3server = await startS3Emulator({ dataDir: join(work, 's3') }).catch(
    async (e: unknown) => (await dynamo.stop(), Promise.reject(e)),
  );
  try {
    Object.assign(process.env, lambdaEnvironment(dynamo.endpoint, s3server.endpoint));
    const { resetClients, s3, bucketName } = await import('../shared/store/clients.ts');
    resetClients();
    const { ensureTable } = await import('../infra/local/provision.ts');
    const admin = new DynamoDBClient({ endpoint: dynamo.endpoint });
    await ensureTable(admin, process.env.TABLE_NAME as string);
    admin.destroy();
    const { seed } = await import('../infra/local/seed.ts');
    const seeded = await seed();
    const year = Number(new Date().toLocaleString('en-US', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }));
    const { saveSurvey } = await import('../shared/store/surveys-store.ts');
    const { createImport, ingestionCaller } = await import('../shared/store/survey-imports-store.ts');
    const { importContentTypes, importObjectKey } = await import('../shared/store/import-files.ts');
    const definition = JSON.parse(readFileSync(surveyTemplate, 'utf8'));

    /** A fresh survey, an import record and the file in the bucket: what POST imports + the upload leave behind. */
    const staged = async (surveyId: string, file: string, format: 'csv' | 'xlsx' = 'csv') => {
      await saveSurvey(
        ingestionCaller,
        { year, surveyId, unitType: 'department', frameworkId: 'department-2024', definition: { ...definition, id: surveyId } },
        undefined,
      );
      const importId = `bench-${surveyId}`;
      const key = importObjectKey(year, surveyId, importId, format);
      await createImport(ingestionCaller, {
        year,
        surveyId,
        importId,
        fileName: file,
        format,
        objectKey: key,
        createdAt: new Date().toISOString(),
        createdBy: 'bench',
      });
      await s3().send(
        new PutObjectCommand({
          Bucket: bucketName('imports'),
          Key: key,
          Body: createReadStream(file),
          ContentLength: statSync(file).size,
          ContentType: importContentTypes[format],
        }),
      );
      return { bucket: bucketName('imports'), key };
    };

    console.log(
      `survey-import: DynamoDB Local in memory, s3rver; seeded ${seeded.units} units; ${concurrency} BatchWrite requests in flight`,
    );
    const xlsx = process.env.BENCH_XLSX;
    if (xlsx !== 'only') await csvRounds();
    async function csvRounds(): Promise<void> {
      await inChild('import', await staged('bench-warm', fileWarm)); // JIT and table warm-up
      // Alternate which goes first: DynamoDB Local keeps warming up, and other work on the machine comes and goes.
      const ratios: number[] = [];
      for (const round of [1, 2, 3]) {
        const runBare = () => inChild('bare', { file: file100k, year, surveyId: `bench-bare-${round}` });
        const runImport = async () => inChild('import', await staged(`bench-import-${round}`, file100k));
        let bare: ChildResult;
        let imported: ChildResult;
        if (round % 2) {
          bare = await runBare();
          imported = await runImport();
        } else {
          imported = await runImport();
          bare = await runBare();
        }
        if (imported.outcome !== 'done' || imported.rows !== 100_000) throw new Error(`import round ${round}: ${JSON.stringify(imported)}`);
        const bareRate = bare.rows / (bare.ms / 1000);
        const importRate = imported.rows / (imported.ms / 1000);
        ratios.push(importRate / bareRate);
        console.log(
          `survey-import round ${round}: import ${importRate.toFixed(0).padStart(6)} rows/s (${(imported.ms / 1000).toFixed(1)} s), ` +
            `bare BatchWrite ${bareRate.toFixed(0).padStart(6)} rows/s (${(bare.ms / 1000).toFixed(1)} s), ratio ${(importRate / bareRate).toFixed(2)}`,
        );
      }
      const median = [...ratios].sort((a, b) => a - b)[1] as number;
      console.log(
        `survey-import throughput: median ratio ${median.toFixed(2)} (rounds ${ratios.map((r) => r.toFixed(2)).join(', ')}; target ≥ 0.80) ${median >= 0.8 ? 'ok' : 'UNDER TARGET'}`,
      );

      const million = await inChild('import', await staged('bench-1m', file1m));
      if (million.outcome !== 'done' || million.rows !== 1_000_000) throw new Error(`1M import: ${JSON.stringify(million)}`);
      const mib = million.maxRssKiB / 1024;
      console.log(
        `survey-import 1,000,000 rows: ${(million.ms / 1000).toFixed(1)} s (${(million.rows / (million.ms / 1000)).toFixed(0)} rows/s), ` +
          `peak RSS ${mib.toFixed(0)} MiB (target < 300 MB = 286 MiB) ${mib * 1024 * 1024 < 300e6 ? 'ok' : 'OVER TARGET'}`,
      );
    }
    if (xlsx === '1' || xlsx === 'only') {
      const fileXlsx = join(dir, 'responses-1m.xlsx');
      await generateSurveyXlsx(fileXlsx, 1_000_000);
      const sheet = await inChild('import', await staged('bench-1m-xlsx', fileXlsx, 'xlsx'));
      if (sheet.outcome !== 'done' || sheet.rows !== 1_000_000) throw new Error(`1M XLSX import: ${JSON.stringify(sheet)}`);
      const xmib = sheet.maxRssKiB / 1024;
      console.log(
        `survey-import 1,000,000 rows XLSX: ${(sheet.ms / 1000).toFixed(1)} s (${(sheet.rows / (sheet.ms / 1000)).toFixed(0)} rows/s), ` +
          `peak RSS ${xmib.toFixed(0)} MiB (target < 286 MiB) ${xmib * 1024 * 1024 < 300e6 ? 'ok' : 'OVER TARGET'}`,
      );
    }
  } finally {
    const { resetClients } = await import('../shared/store/clients.ts');
    resetClients();
    await Promise.allSettled([s3server.stop(), dynamo.stop()]);
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
