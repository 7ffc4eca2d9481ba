/**
 * The cells of a framework annex (an XLSX workbook, first sheet), read with the lean reader by the
 * admin's import route and `par import-framework` (annex-workbook.ts writes one).
 */
import type { Cell } from '../domain/framework-annex.ts';
import { readXlsxSheet, type XlsxValue } from './xlsx-reader.ts';

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
