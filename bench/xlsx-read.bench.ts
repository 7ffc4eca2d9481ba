/**
 * Benchmark of reading a survey XLSX (issue 15): the ingestion's lean reader (`xlsxRows`,
 * shared/formats/xlsx-reader.ts) against exceljs's streaming WorkbookReader that it replaced, run
 * as the ingestion ran it (first worksheet, shared strings cached, styles ignored). The input is a
 * 1,000,000-row workbook with the survey-import bench's columns, written once by exceljs's
 * streaming writer with shared strings (every respondent id one: the largest string table a
 * survey file has), the sheet before the shared strings as Excel orders them, so the lean reader
 * spools the compressed sheet. Each reader runs in its own child process with the ingestion's
 * heap setting; it reports rows/s and peak RSS (target of the ingestion: < 300 MB).
 *
 *   npx tsx bench/xlsx-read.bench.ts        (or `npm run bench -- xlsx-read`)
 */
import { execFile } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { bucketSubscriptions, type BucketSubscription } from '../shared/events.ts';

const here = fileURLToPath(import.meta.url);
const dir = fileURLToPath(new URL('../.bench/xlsx-read/', import.meta.url));
const rows = 1_000_000;
const ingestion = bucketSubscriptions.find((s) => s.id === 'surveyImportUploaded') as BucketSubscription;
const units = ['VPUBND', 'SNV', 'STP', 'SKHDT', 'STC', 'SCT', 'SYT', 'SGDDT', 'STTTT'];

async function generate(path: string): Promise<void> {
  if (existsSync(path)) return;
  const { default: ExcelJS } = await import('exceljs');
  const definition = JSON.parse(readFileSync('reference/surveys/department-survey-2024.json', 'utf8')) as {
    questions: { id: string; groups: string[] }[];
  };
  const groups = ['leader', 'civil-servant', 'citizen'];
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: `${path}.part`, useSharedStrings: true, useStyles: false });
  const sheet = writer.addWorksheet('Phiếu');
  sheet.addRow(['respondentId', 'unitId', 'group', ...definition.questions.map((q) => q.id)]).commit();
  let seed = 2024;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let i = 1; i <= rows; i++) {
    const group = groups[next() % 3] as string;
    const answers = definition.questions.map((q) => (q.groups.includes(group) ? 'ABCDE'[next() % 5] : null));
    sheet.addRow([`P${String(i).padStart(8, '0')}`, units[next() % units.length], group, ...answers]).commit();
  }
  sheet.commit();
  await writer.commit();
  renameSync(`${path}.part`, path);
}

type ChildResult = { ms: number; rows: number; cells: number; maxRssKiB: number };

/** Child: the ingestion's reader over the file as a stream (as S3 gives it). */
async function childLean(file: string): Promise<ChildResult> {
  const { xlsxRows } = await import('../shared/app/surveys/ingestion/row-sources.ts');
  const started = process.hrtime.bigint();
  let n = 0;
  let cells = 0;
  for await (const row of xlsxRows(createReadStream(file))) {
    n++;
    cells += row.cells.length;
  }
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, rows: n, cells, maxRssKiB: process.resourceUsage().maxRSS };
}

/** Child: exceljs's streaming reader with the options and cell conversion the ingestion used. */
async function childExceljs(file: string): Promise<ChildResult> {
  const { default: ExcelJS } = await import('exceljs');
  const text = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? '' : String(v));
  const started = process.hrtime.bigint();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(file), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let n = 0;
  let cells = 0;
  let width = 0;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = (row.values as unknown[]).slice(1).map(text);
      while (values.length > 0 && values[values.length - 1] === '') values.pop();
      width ||= values.length;
      while (values.length < width) values.push('');
      n++;
      cells += values.length;
    }
    break;
  }
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, rows: n, cells, maxRssKiB: process.resourceUsage().maxRSS };
}

async function inChild(mode: 'lean' | 'exceljs', file: string): Promise<ChildResult> {
  const heap = `--max-old-space-size=${ingestion.maxOldSpaceMb ?? ingestion.memoryMb}`;
  const { stdout } = await promisify(execFile)(process.execPath, [heap, '--import', 'tsx', here, `--${mode}`, file], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ChildResult;
}

async function main(): Promise<void> {
  const mode = process.argv.find((a) => a === '--lean' || a === '--exceljs');
  if (mode) {
    const file = process.argv[process.argv.indexOf(mode) + 1] as string;
    const result = mode === '--lean' ? await childLean(file) : await childExceljs(file);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  }
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'responses-1m.xlsx');
  await generate(file);
  console.log(
    `xlsx-read: ${rows.toLocaleString('en-US')} rows, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MiB (exceljs streaming writer, shared strings)`,
  );
  const results: Record<string, ChildResult> = {};
  for (const reader of ['exceljs', 'lean'] as const) {
    const r = await inChild(reader, file);
    results[reader] = r;
    const mib = r.maxRssKiB / 1024;
    console.log(
      `xlsx-read ${reader.padEnd(7)}: ${(r.ms / 1000).toFixed(1)} s, ${(r.rows / (r.ms / 1000)).toFixed(0)} rows/s, ` +
        `peak RSS ${mib.toFixed(0)} MiB (ingestion target < 286 MiB) ${mib * 1024 * 1024 < 300e6 ? 'ok' : 'OVER TARGET'}`,
    );
  }
  const { exceljs, lean } = results as { exceljs: ChildResult; lean: ChildResult };
  if (exceljs.rows !== lean.rows || exceljs.cells !== lean.cells) {
    throw new Error(`the readers disagree: exceljs ${exceljs.rows} rows/${exceljs.cells} cells, lean ${lean.rows}/${lean.cells}`);
  }
}

await main();
