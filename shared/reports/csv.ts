/**
 * Published results as CSV, UTF-8 with a BOM (spreadsheet programs then read Vietnamese), CRLF,
 * Vietnamese headers and unit types, unit ids and parents, area sub-indexes and the change since
 * last year. Two variants: `,` with decimal points (RFC 4180, for programs), and `;` with decimal
 * commas, what Excel expects under Vietnamese regional settings (list separator ";").
 * Text cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) are prefixed with an
 * apostrophe (OWASP CSV injection); numbers stay numbers.
 */
import type { UnitResultJson } from '../schemas/files/results.ts';
import { areaCodes, orderedResults, parentOf, typeLabels, type ReportInput } from './model.ts';

export type CsvVariant = { separator: ',' } | { separator: ';' };

const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined, separator: ',' | ';' = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return separator === ';' ? String(value).replace('.', ',') : String(value);
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const fixedHeader = [
  'Loại đơn vị',
  'Hạng',
  'Mã đơn vị',
  'Tên đơn vị',
  'Mã đơn vị cấp trên',
  'Đơn vị cấp trên',
  'Chỉ số',
  'Xếp loại',
  'Tổng điểm',
  'Điểm tối đa',
  'Điểm đạt được',
  'Điểm tự đánh giá',
  'Điểm điều tra XHH',
  'Điểm thưởng',
  'Điểm trừ',
  'Năm so sánh',
  'Chỉ số năm trước',
  'Thay đổi chỉ số',
  'Thay đổi thứ hạng',
  'Tiêu chí thiếu điểm',
];

/** Every area code of every unit type, in natural order: one column each. */
function allAreaCodes(input: ReportInput): string[] {
  const codes = new Set<string>();
  for (const [type, r] of orderedResults(input.results)) for (const c of areaCodes(r, input.frameworks[type])) codes.add(c);
  return [...codes].sort((a, b) => a.localeCompare(b, 'vi', { numeric: true }));
}

function row(input: ReportInput, type: string, u: UnitResultJson, codes: string[]): (string | number | null)[] {
  const parent = parentOf(input, u);
  const areas = new Map(u.areas.map((a) => [a.code, a.index]));
  return [
    typeLabels[type] ?? type,
    u.rank,
    u.unitId,
    u.name,
    parent?.id ?? '',
    parent?.name ?? '',
    u.index,
    u.band,
    u.total,
    u.maxApplicable,
    u.achieved,
    u.selfTotal,
    u.surveyTotal,
    u.bonusTotal,
    u.penaltyTotal,
    u.previous?.year ?? null,
    u.previous?.index ?? null,
    u.change?.index ?? null,
    u.change?.rank ?? null,
    u.missing.join(' '),
    ...codes.map((c) => areas.get(c) ?? null),
  ];
}

export function resultsCsv(input: ReportInput, variant: CsvVariant = { separator: ',' }): string {
  const sep = variant.separator;
  const codes = allAreaCodes(input);
  const header = [...fixedHeader, ...codes.map((c) => `Chỉ số lĩnh vực ${c}`)];
  const lines = [header.map((h) => csvCell(h, sep)).join(sep)];
  for (const [type, r] of orderedResults(input.results))
    for (const u of r.units)
      lines.push(
        row(input, type, u, codes)
          .map((v) => csvCell(v, sep))
          .join(sep),
      );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
