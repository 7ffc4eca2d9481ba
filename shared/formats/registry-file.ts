/**
 * The registry import file, CSV (UTF-8) or XLSX (first worksheet): a header row naming the columns
 * (id, type, name, parent, adminCode, validFrom, validTo, successor; any order, any case; id, type
 * and name required), then one row per unit. Lines are the ones a spreadsheet shows (header = 1).
 */
import { parse } from 'csv-parse/sync';
import type { RegistryRow, RowProblem } from '../domain/registry-changes.ts';
import { NoWorksheet, readXlsxSheet, XlsxUnreadable, type XlsxRow } from './xlsx-reader.ts';
import { xlsxCellText } from './xlsx-cell.ts';

export const registryColumns = ['id', 'type', 'name', 'parent', 'adminCode', 'validFrom', 'validTo', 'successor'] as const;
type Column = (typeof registryColumns)[number];
const required: readonly Column[] = ['id', 'type', 'name'];
/** Header spellings besides the column names themselves. */
const aliases: Record<string, Column> = { parentid: 'parent', successorid: 'successor', admincode: 'adminCode', code: 'adminCode' };

export interface RegistryFile {
  rows: RegistryRow[];
  problems: RowProblem[];
}

const fileProblem = (message: string): RegistryFile => ({
  rows: [],
  problems: [{ line: 1, field: 'file', code: 'FILE_UNREADABLE', message }],
});

function columnOf(header: string): Column | undefined {
  const key = header.trim().toLowerCase();
  return registryColumns.find((c) => c.toLowerCase() === key) ?? aliases[key];
}

/** Rows of cells (with their line) into registry rows, by the header's columns. */
function toRows(table: readonly { line: number; cells: string[] }[]): RegistryFile {
  const [header, ...body] = table;
  if (!header) return fileProblem('Tệp không có dòng tiêu đề');
  const columns = header.cells.map(columnOf);
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    return {
      rows: [],
      problems: missing.map((c) => ({ line: header.line, field: c, code: 'REQUIRED_COLUMN', message: `Thiếu cột "${c}"` })),
    };
  }
  const rows = body
    .filter((r) => r.cells.some((c) => c.trim() !== ''))
    .map((r) => {
      const row: RegistryRow = {
        line: r.line,
        id: '',
        type: '',
        name: '',
        parent: '',
        adminCode: '',
        validFrom: '',
        validTo: '',
        successor: '',
      };
      columns.forEach((column, i) => {
        if (column) row[column] = (r.cells[i] ?? '').normalize('NFC').trim();
      });
      return row;
    });
  return { rows, problems: [] };
}

function csvTable(bytes: Uint8Array): RegistryFile {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fileProblem('Tệp CSV phải dùng bảng mã UTF-8');
  }
  try {
    const records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, info: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    // `info.lines` is the line a record ends on; a record starts after the previous one ends.
    let previousEnd = 0;
    return toRows(
      records.map(({ record, info }) => {
        const line = previousEnd + 1;
        previousEnd = info.lines;
        return { line, cells: record };
      }),
    );
  } catch (error) {
    return fileProblem(`Không đọc được tệp CSV: ${(error as Error).message}`);
  }
}

async function xlsxTable(bytes: Uint8Array): Promise<RegistryFile> {
  let rows: XlsxRow[];
  try {
    rows = await readXlsxSheet(bytes, { dates: true });
  } catch (error) {
    if (error instanceof NoWorksheet) return fileProblem('Tệp XLSX không có trang tính nào');
    if (error instanceof XlsxUnreadable) return fileProblem(`Không đọc được tệp XLSX: ${error.message}`);
    throw error;
  }
  // Rows without a value are not rows of the table (a spreadsheet keeps formatted empty rows).
  const table = rows
    .filter((r) => r.values.some((v) => v !== null))
    .map((r) => ({ line: r.line, cells: r.values.map((v) => xlsxCellText(v, 'blank')) }));
  return toRows(table);
}

/** XLSX by name or by its ZIP signature; anything else is read as CSV. */
export async function readRegistryFile(fileName: string, bytes: Uint8Array): Promise<RegistryFile> {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  return /\.xlsx$/i.test(fileName) || zip ? xlsxTable(bytes) : csvTable(bytes);
}
