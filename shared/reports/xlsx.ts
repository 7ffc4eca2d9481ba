/**
 * The published results as an XLSX workbook a council opens in Excel: Vietnamese sheet names, a
 * title and decision row, a bold frozen header with filters, numbers as numbers with 2 decimals;
 * one sheet per unit type, then areas, adjustments and missing leaves, weaknesses, year over year.
 *
 * Written with write-excel-file (≈77 KB bundled and minified, against ≈349 KB for xlsx-populate and
 * ≈1,076 KB for exceljs; README "Reports"). It has frozen rows and cell formats but no filters, so
 * a small feature adds the worksheet's `<autoFilter>` element. Text goes in as inline/shared
 * strings, never as formulas, whatever it starts with.
 */
import writeXlsxFile, { type Cell, type Feature, type Row, type SheetData } from 'write-excel-file/node';

type FileContent = Parameters<typeof writeXlsxFile>[1] extends { features?: Feature<infer F>[] } | undefined ? F : never;
import type { UnitResultJson } from '../schemas/files/results.ts';
import { vietnamDate } from './html.ts';
import { withEntryTimes } from './zip-times.ts';
import { areaCodes, comparisonLabels, nodeNames, orderedResults, parentOf, typeLabels, type ReportInput } from './model.ts';

type Value = string | number | null | undefined;
interface Column {
  header: string;
  width: number;
  /** a number format; text otherwise */
  format?: '0.00' | '0';
}

const headerRow = 3;

/** Filters on the header row over the data (write-excel-file has no option for it). */
const autoFilter: Feature<FileContent> = {
  files: {
    transform: {
      'xl/worksheets/sheet{id}.xml': {
        transform: (content) => {
          // The sheet's own extent: the last row written and the header row's last cell.
          const lastRow = [...content.matchAll(/<row r="(\d+)"/g)].at(-1)?.[1];
          const lastColumn = [...content.matchAll(new RegExp(`<c r="([A-Z]+)${headerRow}"`, 'g'))].at(-1)?.[1];
          if (!lastRow || !lastColumn || Number(lastRow) < headerRow) return content;
          return content.replace('</sheetData>', `</sheetData><autoFilter ref="A${headerRow}:${lastColumn}${lastRow}"/>`);
        },
      },
    },
  },
};

const cell = (value: Value, column: Column): Cell => {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return { value, type: Number, format: column.format ?? '0.00' };
  return { value, type: String };
};

function sheet(name: string, title: string, decision: string, columns: Column[], rows: Value[][]) {
  const data: SheetData = [
    [{ value: title, type: String, fontWeight: 'bold', fontSize: 14 }],
    [{ value: decision, type: String, fontStyle: 'italic' }],
    columns.map((c): Cell => ({
      value: c.header,
      type: String,
      fontWeight: 'bold',
      backgroundColor: '#DCE6F1',
      wrap: true,
      bottomBorderStyle: 'thin',
    })),
    ...rows.map((r): Row => r.map((v, i) => cell(v, columns[i] ?? { header: '', width: 10 }))),
  ];
  return { data, sheet: name.slice(0, 31), stickyRowsCount: headerRow, columns: columns.map((c) => ({ width: c.width })) };
}

const num = (header: string, width = 11): Column => ({ header, width, format: '0.00' });
const int = (header: string, width = 8): Column => ({ header, width, format: '0' });
const text = (header: string, width = 14): Column => ({ header, width });

function typeSheet(input: ReportInput, type: string, units: UnitResultJson[], decision: string) {
  const fw = input.frameworks[type];
  const names = nodeNames(fw);
  const codes = areaCodes({ frameworkId: '', units, stats: {} }, fw);
  const columns = [
    int('Hạng', 6),
    text('Mã đơn vị', 14),
    text('Tên đơn vị', 34),
    text('Mã đơn vị cấp trên', 12),
    text('Đơn vị cấp trên', 22),
    num('Chỉ số', 9),
    text('Xếp loại', 11),
    num('Tổng điểm', 9),
    num('Điểm tối đa', 9),
    num('Điểm tự đánh giá', 10),
    num('Điểm điều tra XHH', 10),
    num('Điểm thưởng', 9),
    num('Điểm trừ', 9),
    num('Chỉ số năm trước', 10),
    num('Thay đổi chỉ số', 10),
    int('Thay đổi thứ hạng', 10),
    ...codes.map((c) => num(`LV ${c}: ${names.get(c) ?? ''}`, 12)),
  ];
  const rows = units.map((u) => {
    const parent = parentOf(input, u);
    const areas = new Map(u.areas.map((a) => [a.code, a.index]));
    return [
      u.rank,
      u.unitId,
      u.name,
      parent?.id,
      parent?.name,
      u.index,
      u.band,
      u.total,
      u.maxApplicable,
      u.selfTotal,
      u.surveyTotal,
      u.bonusTotal,
      u.penaltyTotal,
      u.previous?.index,
      u.change?.index,
      u.change?.rank,
      ...codes.map((c) => areas.get(c)),
    ];
  });
  return sheet(typeLabels[type] ?? type, `Kết quả Chỉ số CCHC năm ${input.year}: ${typeLabels[type] ?? type}`, decision, columns, rows);
}

export async function resultsXlsx(input: ReportInput): Promise<Buffer> {
  const decision = `${input.decision} — phê duyệt ngày ${vietnamDate(input.approvedAt)}`;
  const all = orderedResults(input.results);
  const title = (what: string) => `Chỉ số CCHC năm ${input.year}: ${what}`;
  const each = <T>(fn: (type: string, u: UnitResultJson) => T[]) => all.flatMap(([type, r]) => r.units.flatMap((u) => fn(type, u)));
  const label = (type: string) => typeLabels[type] ?? type;
  const sheets = [
    ...all.map(([type, r]) => typeSheet(input, type, r.units, decision)),
    sheet(
      'Lĩnh vực',
      title('chỉ số theo lĩnh vực'),
      decision,
      [
        text('Loại đơn vị', 18),
        text('Mã đơn vị'),
        text('Tên đơn vị', 32),
        text('Mã lĩnh vực', 8),
        text('Lĩnh vực', 40),
        num('Điểm'),
        num('Điểm tối đa'),
        num('Chỉ số'),
        num('Chỉ số năm trước'),
        num('Thay đổi'),
        text('So sánh', 30),
      ],
      each((type, u) => {
        const names = nodeNames(input.frameworks[type]);
        return u.areas.map((a) => [
          label(type),
          u.unitId,
          u.name,
          a.code,
          names.get(a.code),
          a.score,
          a.max,
          a.index,
          a.previousIndex,
          a.change,
          comparisonLabels[a.comparison ?? ''] ?? '',
        ]);
      }),
    ),
    sheet(
      'Thưởng, trừ, thiếu điểm',
      title('điểm thưởng, điểm trừ và tiêu chí thiếu điểm'),
      decision,
      [
        text('Loại đơn vị', 18),
        text('Mã đơn vị'),
        text('Tên đơn vị', 32),
        num('Điểm thưởng'),
        num('Điểm trừ'),
        int('Số tiêu chí thiếu điểm', 10),
        text('Tiêu chí thiếu điểm', 40),
      ],
      each((type, u) => [[label(type), u.unitId, u.name, u.bonusTotal, u.penaltyTotal, u.missing.length, u.missing.join(', ')]]),
    ),
    sheet(
      'Điểm yếu theo tiêu chí',
      title('tỷ lệ điểm đạt và điểm bị mất theo tiêu chí'),
      decision,
      [
        text('Loại đơn vị', 18),
        text('Mã tiêu chí', 9),
        text('Nội dung', 50),
        text('Lĩnh vực', 8),
        int('Số đơn vị'),
        num('Điểm đạt'),
        num('Điểm tối đa'),
        num('Tỷ lệ đạt (%)'),
        num('Điểm bị mất'),
        num('Chênh lệch tự chấm - thẩm định', 14),
      ],
      all.flatMap(([type, r]) => {
        const names = nodeNames(input.frameworks[type]);
        return (r.analysis?.leaves ?? []).map((l) => [
          label(type),
          l.code,
          names.get(l.code),
          l.area,
          l.units,
          l.achieved,
          l.possible,
          l.share,
          l.lost,
          l.gap,
        ]);
      }),
    ),
    sheet(
      'Điểm yếu theo đơn vị',
      title('năm tiêu chí bị mất nhiều điểm nhất của từng đơn vị'),
      decision,
      [
        text('Loại đơn vị', 18),
        text('Mã đơn vị'),
        text('Tên đơn vị', 32),
        int('Thứ tự', 6),
        text('Mã tiêu chí', 9),
        text('Nội dung', 50),
        num('Điểm đạt'),
        num('Điểm tối đa'),
        num('Điểm bị mất'),
      ],
      each((type, u) => {
        const names = nodeNames(input.frameworks[type]);
        return (u.weakest ?? []).map((w, i) => [label(type), u.unitId, u.name, i + 1, w.code, names.get(w.code), w.score, w.max, w.lost]);
      }),
    ),
    sheet(
      'So sánh năm trước',
      title('so sánh với năm trước'),
      decision,
      [
        text('Loại đơn vị', 18),
        text('Mã đơn vị'),
        text('Tên đơn vị', 32),
        int('Năm so sánh'),
        num('Chỉ số năm trước'),
        int('Hạng năm trước'),
        text('Xếp loại năm trước', 12),
        num('Chỉ số'),
        int('Hạng'),
        text('Xếp loại', 12),
        num('Thay đổi chỉ số'),
        int('Thay đổi thứ hạng'),
        text('Đơn vị so sánh', 20),
      ],
      each((type, u) => [
        [
          label(type),
          u.unitId,
          u.name,
          u.previous?.year,
          u.previous?.index,
          u.previous?.rank,
          u.previous?.band,
          u.index,
          u.rank,
          u.band,
          u.change?.index,
          u.change?.rank,
          u.previous?.unitIds.join(', '),
        ],
      ]),
    ),
  ];
  const zip = (await writeXlsxFile(sheets, { fontFamily: 'Calibri', fontSize: 11, features: [autoFilter] }).toBuffer()) as Buffer;
  return withEntryTimes(zip, new Date(input.approvedAt));
}
