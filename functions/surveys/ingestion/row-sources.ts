/**
 * Rows of an uploaded survey file, streamed: csv-parse behind the UTF-8 guard, or exceljs's
 * streaming reader (first worksheet) for XLSX. Each row comes with the line people see in their
 * editor or spreadsheet, so the report's line numbers point at the right row.
 */
import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { ImportFormat } from '../../../shared/schemas/survey-api.ts';
import { FileRefused, Utf8Guard } from './utf8-guard.ts';

export type SourceRow = { line: number; cells: string[] } | { line: number; error: string };

/** A record longer than this is a broken quote swallowing the file, not a survey row. */
const maxRecordBytes = 64 * 1024;

/** A quote never closed swallows every following line into one field: refuse rather than lose rows. */
const structural = new Set(['CSV_QUOTE_NOT_CLOSED', 'CSV_MAX_RECORD_SIZE']);

export async function* csvRows(body: Readable): AsyncGenerator<SourceRow> {
  // Record errors are reported in line order among the rows: csv-parse signals them while it
  // parses ahead of what has been consumed, so they wait here until their line comes up.
  const skipped: SourceRow[] = [];
  const parser = parse({
    bom: true,
    info: true,
    // Files glued together from several tools mix line ends: accept each on every line.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: maxRecordBytes,
    on_skip: (error: CsvError | undefined) => {
      if (!error) return undefined;
      const line = (error as CsvError & { lines?: number }).lines ?? 0;
      if (structural.has(error.code)) parser.destroy(new FileRefused(`the file cannot be read as CSV: ${error.message}`));
      else skipped.push({ line, error: `unreadable CSV: ${error.message}` });
      return undefined;
    },
  });
  const guard = new Utf8Guard();
  body.once('error', (e) => parser.destroy(e));
  guard.once('error', (e) => parser.destroy(e));
  body.pipe(guard).pipe(parser);
  try {
    for await (const { info, record } of parser as AsyncIterable<{ info: { lines: number }; record: string[] }>) {
      while (skipped.length > 0 && (skipped[0] as SourceRow).line < info.lines) yield skipped.shift() as SourceRow;
      yield { line: info.lines, cells: record };
    }
    yield* skipped;
  } catch (error) {
    if (error instanceof FileRefused) throw error;
    const code = (error as { code?: string }).code;
    if (code?.startsWith('CSV_')) throw new FileRefused(`the file cannot be read as CSV: ${(error as Error).message}`);
    throw error;
  } finally {
    body.destroy();
  }
}

/** What a cell shows, as text: exceljs gives numbers, rich text, formula results, hyperlinks. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
  if (v.richText) return v.richText.map((r) => r.text).join('');
  if ('result' in v) return cellText(v.result);
  if ('text' in v) return cellText(v.text);
  if (v.error) return v.error;
  return '';
}

const zipSignature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Refuses anything that is not a zip before exceljs gets to misread it; returns the whole stream. */
async function zipOnly(body: Readable): Promise<Readable> {
  const chunks = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await chunks.next();
  if (first.done || !first.value.subarray(0, 4).equals(zipSignature)) {
    throw new FileRefused('this is not an XLSX file (an XLSX file is a zip archive): create the import with format "csv" for a text file');
  }
  return Readable.from(
    (async function* () {
      yield first.value;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
    })(),
  );
}

/**
 * exceljs does not pass on an error of its input stream (it would wait forever): the source's
 * error ends the iteration instead.
 */
async function* untilSourceFails<T>(items: AsyncIterable<T>, source: Readable): AsyncGenerator<T> {
  let fail: (e: unknown) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => undefined);
  source.once('error', (e) => fail(e));
  const iterator = items[Symbol.asyncIterator]();
  for (;;) {
    const next = await Promise.race([iterator.next(), failed]);
    if (next.done) return;
    yield next.value;
  }
}

export async function* xlsxRows(body: Readable): AsyncGenerator<SourceRow> {
  let width = 0;
  try {
    const source = await zipOnly(body);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    for await (const sheet of untilSourceFails(reader, source)) {
      for await (const row of untilSourceFails(sheet, source)) {
        const values = (row.values as unknown[]).slice(1);
        const cells = Array.from({ length: values.length }, (_, i) => cellText(values[i]));
        while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
        if (cells.length === 0) continue;
        // A spreadsheet drops trailing empty cells: blank answers, not a short row.
        width ||= cells.length;
        while (cells.length < width) cells.push('');
        yield { line: row.number, cells };
      }
      break; // the first worksheet holds the responses
    }
  } catch (error) {
    if (error instanceof FileRefused || isTransient(error)) throw error;
    throw new FileRefused(`the file cannot be read as XLSX: ${(error as Error).message}`);
  } finally {
    body.destroy();
  }
}

/** Network and service errors are worth a retry; anything else exceljs throws is about the file. */
function isTransient(error: unknown): boolean {
  const e = error as { code?: unknown; $metadata?: unknown };
  return e.$metadata !== undefined || (typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code));
}

export function rowsOf(format: ImportFormat, body: Readable): AsyncGenerator<SourceRow> {
  return format === 'csv' ? csvRows(body) : xlsxRows(body);
}
