/**
 * The counting pass before an import reads its rows: how many lines the file has, so progress can
 * be shown as "lines read of lines in the file". For CSV a byte scan (no parsing: CR, LF and CRLF
 * each end one line, the same lines the row report numbers); quoted line breaks count as the
 * lines they are, as the row report's numbers do. XLSX has no lines to scan: the sheet's last row
 * number, from the same streaming reader (a second read of the file, still without any checks).
 */
import type { Readable } from 'node:stream';
import type { ImportFormat } from '../../../schemas/api/survey-api.ts';
import { xlsxRows } from './row-sources.ts';

const LF = 0x0a;
const CR = 0x0d;

export async function countCsvLines(body: AsyncIterable<Uint8Array>): Promise<number> {
  let breaks = 0;
  let last = -1;
  for await (const chunk of body) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] as number;
      // CRLF is one break: count the LF, and a CR only when no LF follows it.
      if (b === LF) breaks++;
      else if (last === CR) breaks++;
      last = b;
    }
  }
  if (last === CR) breaks++;
  const unterminated = last !== -1 && last !== LF && last !== CR;
  return breaks + (unterminated ? 1 : 0);
}

async function countXlsxLines(body: Readable): Promise<number> {
  let lastLine = 0;
  for await (const row of xlsxRows(body)) lastLine = row.line;
  return lastLine;
}

export function countLines(format: ImportFormat, body: Readable): Promise<number> {
  return format === 'csv' ? countCsvLines(body) : countXlsxLines(body);
}
