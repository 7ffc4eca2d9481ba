/**
 * The framework annex as an XLSX workbook (one sheet, laid out as the province publishes it):
 * written with write-excel-file (the CLI's `export-annex`, the tests), read with the lean reader
 * (the admin's import route and `par import-framework`), so no bundle carries exceljs (issue 15).
 */
import writeXlsxFile, { type Cell as SheetCell, type SheetData } from 'write-excel-file/node';
import type { Cell } from '../domain/framework-annex.ts';
import { readXlsxSheet, type XlsxValue } from './xlsx-reader.ts';

export const annexSheetName = 'Phụ lục bộ chỉ số';

const widths = [10, 70, 12, 20, 60, 18];

function sheetCell(value: Cell, style: { bold?: boolean; size?: number }): SheetCell {
  if (value === null || value === undefined) return null;
  const font = { ...(style.bold ? { fontWeight: 'bold' as const } : {}), ...(style.size ? { fontSize: style.size } : {}) };
  if (typeof value === 'number') return { value, type: Number, ...font };
  if (typeof value === 'boolean') return { value, type: Boolean, ...font };
  return { value, type: String, ...font };
}

export async function annexWorkbook(rows: readonly Cell[][]): Promise<Buffer> {
  const header = rows.findIndex((r) => r[0] === 'STT') + 1;
  const data: SheetData = rows.map((row, i) =>
    row.map((c) => sheetCell(c, i === 0 ? { bold: true, size: 13 } : { bold: i + 1 === header })),
  );
  return writeXlsxFile(data, {
    sheet: annexSheetName,
    columns: widths.map((width) => ({ width })),
    ...(header > 0 ? { stickyRowsCount: header } : {}),
  }).toBuffer() as Promise<Buffer>;
}

function cellValue(value: XlsxValue): Cell {
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') return null; // an error value (#N/A) is no content
  return value;
}

/** The first sheet's cells, row by row (1-based rows become array positions 0, 1, ...); at least 6 columns. */
export async function annexCells(file: Buffer): Promise<Cell[][]> {
  const read = await readXlsxSheet(file, { dates: true });
  const rows: Cell[][] = Array.from({ length: Math.max(0, ...read.map((r) => r.line)) }, () => Array<Cell>(6).fill(null));
  for (const { line, values } of read) {
    const cells = values.map(cellValue);
    while (cells.length < 6) cells.push(null);
    rows[line - 1] = cells;
  }
  return rows;
}
