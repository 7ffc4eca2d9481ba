/**
 * A worksheet's rows as its XML streams by: `<row r>` elements of `<c r t s>` cells, sparse (a
 * cell's reference names its column; one without a reference follows the previous cell, a row
 * without one follows the previous row). Values as exceljs typed them: shared and inline strings,
 * numbers, booleans, errors, formula results (the cached `<v>`), dates where the style says date.
 */
import { XlsxUnreadable, type XlsxValue, type XmlHandlers } from './xlsx-xml.ts';

export interface XlsxRow {
  /** The row number the spreadsheet shows (1-based). */
  line: number;
  /** Column A first; a column with no cell is null. */
  values: XlsxValue[];
}

export interface SheetContext {
  sharedStrings: readonly string[];
  /** Per cell style: whether it shows a date. Empty when dates are not wanted. */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** Excel's own limits: 1,048,576 rows of 16,384 columns (XFD). */
const maxRow = 1_048_576;
const maxColumn = 16_384;

/** "BC12" → 54 (0-based column), or -1 when the reference has no column letters. */
export function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~32; // upper case
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  return i === 0 ? -1 : col - 1;
}

/** exceljs's conversion of a serial day number to a Date (UTC, millisecond precision). */
export const excelDate = (serial: number, date1904: boolean) =>
  new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));

interface CellState {
  col: number;
  type: string;
  style: number;
  v: string[] | undefined;
  inline: string[] | undefined;
}

function valueOf(cell: CellState, context: SheetContext): XlsxValue {
  if (cell.type === 'inlineStr') return cell.inline ? cell.inline.join('') : null;
  if (cell.v === undefined) return null;
  const text = cell.v.join('');
  switch (cell.type) {
    case 's':
      return context.sharedStrings[Number.parseInt(text, 10)] ?? null;
    case 'str':
      return text;
    case 'b':
      return Number.parseInt(text, 10) !== 0;
    case 'e':
      return { error: text };
    case 'd':
      return context.dateStyles.length > 0 ? new Date(text) : text;
    default: {
      if (text.trim() === '') return null;
      const n = Number.parseFloat(text);
      return context.dateStyles[cell.style] ? excelDate(n, context.date1904) : n;
    }
  }
}

/** Handlers that hand each finished row to `emit`. */
export function sheetXml(context: SheetContext, emit: (row: XlsxRow) => void): XmlHandlers {
  let row: XlsxRow | undefined;
  let lastLine = 0;
  let nextCol = 0;
  let cell: CellState | undefined;
  let capture: string[] | undefined;
  let phonetic = 0;
  return {
    open(name, a) {
      if (name === 'row') {
        const line = a.r ? Number.parseInt(a.r, 10) : lastLine + 1;
        if (!(line >= 1 && line <= maxRow)) throw new XlsxUnreadable(`row number "${a.r}" is outside 1-${maxRow}`);
        row = { line, values: [] };
        lastLine = line;
        nextCol = 0;
      } else if (name === 'c' && row) {
        const col = a.r ? columnOf(a.r) : nextCol;
        if (!(col >= 0 && col < maxColumn)) throw new XlsxUnreadable(`cell reference "${a.r}" is outside A-XFD`);
        cell = { col, type: a.t ?? 'n', style: a.s ? Number.parseInt(a.s, 10) : 0, v: undefined, inline: undefined };
      } else if (cell) {
        if (name === 'v') capture = cell.v = [];
        else if (name === 'is') cell.inline = [];
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && cell.inline && phonetic === 0) capture = cell.inline;
      }
    },
    close(name) {
      if (name === 'v' || name === 't') capture = undefined;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && row && cell) {
        row.values[cell.col] = valueOf(cell, context);
        nextCol = cell.col + 1;
        cell = undefined;
      } else if (name === 'row' && row) {
        const values = row.values;
        for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
        emit(row);
        row = undefined;
      }
    },
    text(t) {
      capture?.push(t);
    },
  };
}
