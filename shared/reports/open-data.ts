/**
 * The machine-readable bundle of a published year (open data): one record per unit with stable
 * identifiers (registry unit ids, framework area codes: the same across years), as JSON and as a
 * plain CSV (`,`, decimal points, English column names), both described by one data dictionary.
 */
import { csvCell } from './csv.ts';
import { areaCodes, nodeNames, orderedResults, parentOf, type ReportInput } from './model.ts';

export interface DictionaryEntry {
  column: string;
  type: 'string' | 'integer' | 'number' | 'string[]';
  description: string;
}

export const dataDictionary: DictionaryEntry[] = [
  { column: 'year', type: 'integer', description: 'Năm đánh giá' },
  { column: 'unit_id', type: 'string', description: 'Mã đơn vị trong danh mục (ổn định qua các năm)' },
  { column: 'unit_type', type: 'string', description: 'Loại đơn vị: department (sở, ban, ngành), district (cấp huyện), commune (cấp xã)' },
  { column: 'name', type: 'string', description: 'Tên đơn vị' },
  { column: 'parent_id', type: 'string', description: 'Mã đơn vị cấp trên (huyện của xã); trống nếu trực thuộc tỉnh' },
  { column: 'framework_id', type: 'string', description: 'Mã bộ tiêu chí áp dụng' },
  { column: 'rank', type: 'integer', description: 'Thứ hạng trong loại đơn vị (bằng chỉ số thì cùng hạng: 1, 2, 2, 4)' },
  { column: 'index', type: 'number', description: 'Chỉ số CCHC: 100 × tổng điểm / điểm tối đa, 2 chữ số thập phân' },
  { column: 'band', type: 'string', description: 'Xếp loại theo thang của bộ tiêu chí' },
  { column: 'total', type: 'number', description: 'Tổng điểm: điểm đạt được + điểm thưởng − điểm trừ' },
  { column: 'max_applicable', type: 'number', description: 'Điểm tối đa của các tiêu chí áp dụng cho đơn vị' },
  { column: 'achieved', type: 'number', description: 'Điểm đạt được (tự đánh giá đã thẩm định và điều tra xã hội học)' },
  { column: 'self_total', type: 'number', description: 'Điểm các tiêu chí tự đánh giá (sau thẩm định)' },
  { column: 'survey_total', type: 'number', description: 'Điểm các tiêu chí điều tra xã hội học' },
  { column: 'bonus_total', type: 'number', description: 'Điểm thưởng' },
  { column: 'penalty_total', type: 'number', description: 'Điểm trừ' },
  { column: 'missing', type: 'string[]', description: 'Mã các tiêu chí không có điểm (cách nhau bởi dấu cách)' },
  { column: 'previous_year', type: 'integer', description: 'Năm so sánh (năm công bố trước đó); trống nếu chưa có' },
  { column: 'previous_index', type: 'number', description: 'Chỉ số năm so sánh' },
  { column: 'previous_rank', type: 'integer', description: 'Thứ hạng năm so sánh; trống với đơn vị sáp nhập từ nhiều đơn vị' },
  { column: 'change_index', type: 'number', description: 'Thay đổi chỉ số (điểm) so với năm so sánh' },
  { column: 'change_rank', type: 'integer', description: 'Số bậc thay đổi (dương: tăng hạng)' },
  { column: 'area_{code}_index', type: 'number', description: 'Chỉ số lĩnh vực {code} (trống nếu lĩnh vực không áp dụng)' },
];

type Flat = Record<string, string | number | null>;

function records(input: ReportInput): {
  flat: Flat;
  areas: { code: string; name: string; score: number; max: number; index: number; previousIndex: number | null; change: number | null }[];
}[] {
  return orderedResults(input.results).flatMap(([type, r]) => {
    const names = nodeNames(input.frameworks[type]);
    return r.units.map((u) => ({
      flat: {
        year: input.year,
        unit_id: u.unitId,
        unit_type: type,
        name: u.name,
        parent_id: parentOf(input, u)?.id ?? null,
        framework_id: r.frameworkId,
        rank: u.rank,
        index: u.index,
        band: u.band,
        total: u.total,
        max_applicable: u.maxApplicable,
        achieved: u.achieved,
        self_total: u.selfTotal,
        survey_total: u.surveyTotal,
        bonus_total: u.bonusTotal,
        penalty_total: u.penaltyTotal,
        missing: u.missing.join(' '),
        previous_year: u.previous?.year ?? null,
        previous_index: u.previous?.index ?? null,
        previous_rank: u.previous?.rank ?? null,
        change_index: u.change?.index ?? null,
        change_rank: u.change?.rank ?? null,
        ...Object.fromEntries(
          areaCodes(r, input.frameworks[type]).map((c) => [`area_${c}_index`, u.areas.find((a) => a.code === c)?.index ?? null]),
        ),
      },
      areas: u.areas.map((a) => ({
        code: a.code,
        name: names.get(a.code) ?? '',
        score: a.score,
        max: a.max,
        index: a.index,
        previousIndex: a.previousIndex ?? null,
        change: a.change ?? null,
      })),
    }));
  });
}

export function openDataJson(input: ReportInput) {
  return {
    dataset: {
      title: `Chỉ số cải cách hành chính năm ${input.year}`,
      year: input.year,
      decision: input.decision,
      approvedAt: input.approvedAt,
      identifiers: 'unit_id: mã đơn vị trong danh mục, không đổi qua các năm; mã lĩnh vực theo bộ tiêu chí (framework_id)',
    },
    dictionary: dataDictionary,
    units: records(input).map((r) => ({ ...r.flat, areas: r.areas })),
  };
}

export function openDataCsv(input: ReportInput): string {
  const rows = records(input).map((r) => r.flat);
  const fixed = dataDictionary.map((d) => d.column).filter((c) => !c.includes('{'));
  const areaColumns = [...new Set(rows.flatMap((r) => Object.keys(r).filter((k) => k.startsWith('area_'))))].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
  const header = [...fixed, ...areaColumns];
  return [header.join(','), ...rows.map((r) => header.map((h) => csvCell(r[h])).join(','))].join('\r\n') + '\r\n';
}

export function dictionaryCsv(): string {
  // A BOM: people read the dictionary in a spreadsheet; the data file itself stays plain UTF-8 for programs.
  return (
    '\uFEFF' +
    ['column,type,description', ...dataDictionary.map((d) => [d.column, d.type, d.description].map((v) => csvCell(v)).join(','))].join(
      '\r\n',
    ) +
    '\r\n'
  );
}
