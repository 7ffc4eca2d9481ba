/**
 * What an XLSX cell shows, as text, as exceljs gave it before the lean reader: numbers and
 * booleans as written, dates in ISO. An error cell (#N/A) shows its code in a survey file (the
 * row's problem names it) and nothing in a registry file (the field is then missing). Apart from
 * the reader so the ingestion imports it without evaluating the reader at cold start.
 */
import type { XlsxValue } from './xlsx-xml.ts';

export function xlsxCellText(value: XlsxValue, errorCells: 'code' | 'blank'): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return errorCells === 'code' ? value.error : '';
  return String(value);
}
