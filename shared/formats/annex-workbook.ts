/**
 * The framework annex as an XLSX workbook (one sheet, laid out as the province publishes it),
 * written with write-excel-file for the CLI's `export-annex` and the tests; annex-xlsx.ts reads
 * it. Apart from the reader so the import route's bundle carries no writer.
 */
import writeXlsxFile, { type Cell as SheetCell, type SheetData } from 'write-excel-file/node';
import type { Cell } from '../domain/framework-annex.ts';

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
