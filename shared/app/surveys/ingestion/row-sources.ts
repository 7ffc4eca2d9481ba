/**
 * Rows of an uploaded survey file, streamed: csv-parse behind the UTF-8 guard, or the lean XLSX
 * reader (shared/formats/xlsx-reader.ts: the first worksheet, rows as the zip inflates) for XLSX. Each row comes with the line people see in their
 * editor or spreadsheet, so the report's line numbers point at the right row.
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { xlsxCellText } from '../../../formats/xlsx-cell.ts';
import type { ImportFormat } from '../../../schemas/api/survey-api.ts';
import { FileRefused } from './file-refused.ts';
import { Utf8Guard } from './utf8-guard.ts';

export interface SourceRow {
  line: number;
  cells: string[];
}

/** A record longer than this is a broken quote swallowing the file, not a survey row. */
const maxRecordBytes = 64 * 1024;

/** Line breaks inside quoted cells: the next row starts that many lines further down. */
function breaksIn(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) if (cell.includes('\n') || cell.includes('\r')) n += cell.match(/\r\n|\r|\n/g)?.length ?? 0;
  return n;
}

/** Rows where every cell is blank (Excel pads exports with ",,,,") are not responses. */
const blank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/**
 * csv-parse with relaxed quotes and column counts: a stray quote stays in its cell and a short
 * row is the row's own problem (reported by the row check). What csv-parse still cannot read (a
 * quote never closed, a record past 64 KB) breaks the row boundaries of the rest of the file,
 * so the file is refused rather than rows silently merged. Lines are counted here (cheaper than
 * csv-parse's per-record info object) and name the row's first line.
 */
export async function* csvRows(body: Readable): AsyncGenerator<SourceRow> {
  const parser = parse({
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    // Files glued together from several tools mix line ends: accept each on every line.
    record_delimiter: ['\r\n', '\n', '\r'],
    max_record_size: maxRecordBytes,
  });
  const guard = new Utf8Guard();
  body.once('error', (e) => parser.destroy(e));
  guard.once('error', (e) => parser.destroy(e));
  body.pipe(guard).pipe(parser);
  let line = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      const start = line + 1;
      line = start + breaksIn(cells);
      if (!blank(cells)) yield { line: start, cells };
    }
  } catch (error) {
    if (error instanceof FileRefused) throw error;
    const code = (error as { code?: string }).code;
    if (code?.startsWith('CSV_')) throw new FileRefused(`the file cannot be read as CSV: ${(error as Error).message}`);
    throw error;
  } finally {
    body.destroy();
  }
}

const notXlsx = 'this is not an XLSX file (an XLSX file is a zip archive): create the import with format "csv" for a text file';

export async function* xlsxRows(body: Readable): AsyncGenerator<SourceRow> {
  let width = 0;
  // Evaluated on the first XLSX import, not at the cold start every CSV import shares (issue 15).
  const { NotAZip, readXlsxRows, XlsxUnreadable } = await import('../../../formats/xlsx-reader.ts');
  try {
    for await (const row of readXlsxRows(body)) {
      const cells = row.values.map((v) => xlsxCellText(v, 'code'));
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      if (blank(cells)) continue;
      // A spreadsheet drops trailing empty cells: blank answers, not a short row.
      width ||= cells.length;
      while (cells.length < width) cells.push('');
      yield { line: row.line, cells };
    }
  } catch (error) {
    if (error instanceof NotAZip) throw new FileRefused(notXlsx);
    if (error instanceof XlsxUnreadable) throw new FileRefused(`the file cannot be read as XLSX: ${error.message}`);
    if (error instanceof FileRefused || isTransient(error)) throw error;
    throw new FileRefused(`the file cannot be read as XLSX: ${(error as Error).message}`);
  } finally {
    body.destroy();
  }
}

/** Network and service errors are worth a retry; anything else is about the file. */
function isTransient(error: unknown): boolean {
  const e = error as { code?: unknown; $metadata?: unknown };
  return e.$metadata !== undefined || (typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code));
}

export function rowsOf(format: ImportFormat, body: Readable): AsyncGenerator<SourceRow> {
  return format === 'csv' ? csvRows(body) : xlsxRows(body);
}
