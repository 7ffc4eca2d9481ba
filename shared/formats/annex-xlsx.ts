/**
 * The framework annex as an XLSX workbook (one sheet, laid out as the province publishes it).
 * exceljs is loaded only here, by the CLI, the tests and the admin's import route (its bundle alone).
 */
import ExcelJS from 'exceljs';
import type { Cell } from '../domain/framework-annex.ts';

export const annexSheetName = 'Phụ lục bộ chỉ số';

export async function annexWorkbook(rows: readonly Cell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(annexSheetName);
  for (const row of rows) sheet.addRow(row.map((c) => (c === undefined ? null : c)));
  const header = rows.findIndex((r) => r[0] === 'STT') + 1;
  if (header > 0) {
    sheet.getRow(header).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: header }];
  }
  sheet.getRow(1).font = { bold: true, size: 13 };
  [10, 70, 12, 20, 60, 18].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The first sheet's cells, row by row (1-based rows become array positions 0, 1, ...). */
export async function annexCells(file: Buffer): Promise<Cell[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: Cell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 6); c++) cells.push(cellValue(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return null;
}
