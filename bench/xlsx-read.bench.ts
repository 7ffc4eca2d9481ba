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
import { createReadStream, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { bucketSubscriptions, type BucketSubscription } from '../shared/events.ts';
import { generateSurveyXlsx } from './xlsx-input.ts';

const here = fileURLToPath(import.meta.url);
const dir = fileURLToPath(new URL('../.bench/xlsx-read/', import.meta.url));
const rows = 1_000_000;
const ingestion = bucketSubscriptions.find((s) => s.id === 'surveyImportUploaded') as BucketSubscription;

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
  await generateSurveyXlsx(file, rows);
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
