/**
 * A criteria framework as the province issues it: an annex table (STT, tiêu chí, điểm tối đa,
 * phương pháp, cách chấm điểm, tài liệu kiểm chứng) under a few labelled rows (mã, loại đơn vị,
 * tổng điểm, xếp loại). Pure: rows of cells in, rows of cells out; the XLSX file is an adapter's.
 * Reading reports every row it could not use instead of guessing; the result is then checked by
 * `parseFramework` like any framework.
 */
import type { Area, Framework, FrameworkInput, FrameworkNode, Leaf, UnitType } from '../schemas/files/framework.ts';
import { isLeaf } from '../schemas/files/framework.ts';
import type { AnnexProblemCode } from './annex-problem-codes.ts';
import { ruleFromText, ruleToText } from './rule-text.ts';

export { annexProblemCodes, type AnnexProblemCode } from './annex-problem-codes.ts';

export type Cell = string | number | boolean | null | undefined;
export interface AnnexProblem {
  /** 1-based row number in the sheet. */
  row: number;
  code: AnnexProblemCode;
  /** The values the sentence names (cell text, codes); the console words them. */
  params?: Record<string, string>;
  /** English, for the CLI and logs. */
  message: string;
}

export const annexHeader = ['STT', 'Tiêu chí', 'Điểm tối đa', 'Phương pháp', 'Cách chấm điểm', 'Tài liệu kiểm chứng'] as const;

const unitTypeLabels: Record<UnitType, string> = {
  province: 'Cấp tỉnh',
  department: 'Sở, ban, ngành',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
};
const methodLabels = { self: 'Tự đánh giá', survey: 'Điều tra xã hội học', bonus: 'Điểm thưởng', penalty: 'Điểm trừ' } as const;
const labels = { id: 'Mã bộ chỉ số', unitType: 'Loại đơn vị', maxTotal: 'Tổng điểm', bands: 'Xếp loại', status: 'Ghi chú' } as const;

const decimal = (n: number) => String(n).replace('.', ',');
/** Lower case without diacritics: headers and labels match however they were typed. */
const fold = (text: Cell) =>
  String(text ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .trim();
const text = (cell: Cell) => (cell === null || cell === undefined ? '' : String(cell).normalize('NFC').trim());

export function frameworkToAnnexRows(framework: Framework): Cell[][] {
  const rows: Cell[][] = [[framework.name], [labels.id, framework.id], [labels.unitType, unitTypeLabels[framework.unitType]]];
  rows.push([labels.maxTotal, framework.maxTotal]);
  rows.push([labels.bands, framework.bands.map((b) => `${b.label}: từ ${decimal(b.min)}`).join('; ')]);
  if (framework.status !== undefined) rows.push([labels.status, framework.status]);
  rows.push([], [...annexHeader]);
  const visit = (node: Area | FrameworkNode) => {
    if ('method' in node) {
      const evidence = node.evidenceRequired === undefined ? '' : node.evidenceRequired ? 'Có' : 'Không';
      rows.push([node.code, node.name, node.maxPoints, methodLabels[node.method], ruleToText(node.rule), evidence]);
    } else {
      rows.push([node.code, node.name, node.maxPoints, '', '', '']);
      node.items.forEach(visit);
    }
  };
  framework.areas.forEach(visit);
  for (const a of framework.adjustments) rows.push([a.code, a.name, a.maxPoints, methodLabels[a.kind], '', '']);
  return rows;
}

function parseNumber(cell: Cell): number | undefined {
  if (typeof cell === 'number') return cell;
  const value = Number(text(cell).replace(',', '.'));
  return text(cell) !== '' && Number.isFinite(value) ? value : undefined;
}

function methodOf(cell: Cell): 'self' | 'survey' | 'bonus' | 'penalty' | '' | undefined {
  const folded = fold(cell);
  if (folded === '') return '';
  if (folded.startsWith('tu danh gia') || folded === 'tu cham') return 'self';
  if (folded.includes('dieu tra') || folded.includes('xhh')) return 'survey';
  if (folded.includes('thuong')) return 'bonus';
  if (folded.includes('tru')) return 'penalty';
  return undefined;
}

function bandsOf(cell: Cell): { label: string; min: number }[] | undefined {
  const bands = text(cell)
    .split(';')
    .map((part) => /^(.+?):\s*(?:từ\s*)?(\d+(?:[.,]\d+)?)$/u.exec(part.trim()))
    .map((m) => (m ? { label: m[1]!.trim(), min: Number(m[2]!.replace(',', '.')) } : undefined));
  return bands.length > 0 && bands.every(Boolean) ? (bands as { label: string; min: number }[]) : undefined;
}

interface Reading {
  framework?: FrameworkInput;
  problems: AnnexProblem[];
}

/** The framework an annex describes, or the rows that keep it from being read. */
export function annexRowsToFramework(rows: readonly Cell[][]): Reading {
  const refused: AnnexProblem[] = [];
  const headerAt = rows.findIndex((r) => fold(r[0]) === 'stt' && fold(r[1]).startsWith('tieu chi'));
  if (headerAt < 0) return { problems: [{ row: 1, code: 'no-header', message: `no header row "${annexHeader.join(' | ')}" found` }] };
  const meta = new Map(rows.slice(0, headerAt).map((r) => [fold(r[0]), r[1]] as const));
  const unitType = (Object.keys(unitTypeLabels) as UnitType[]).find(
    (t) => fold(unitTypeLabels[t]) === fold(meta.get(fold(labels.unitType))),
  );
  const id = text(meta.get(fold(labels.id)));
  const maxTotal = parseNumber(meta.get(fold(labels.maxTotal)));
  const bands = bandsOf(meta.get(fold(labels.bands)));
  const status = meta.get(fold(labels.status));
  const name = text(rows[0]?.[0]);
  if (!id) refused.push({ row: 1, code: 'missing-id', message: `the row "${labels.id}" is missing` });
  if (!unitType)
    refused.push({
      row: 1,
      code: 'bad-unit-type',
      params: { value: text(meta.get(fold(labels.unitType))) },
      message: `the row "${labels.unitType}" must be one of: ${Object.values(unitTypeLabels).join(', ')}`,
    });
  if (maxTotal === undefined) refused.push({ row: 1, code: 'bad-max-total', message: `the row "${labels.maxTotal}" must hold a number` });
  if (!bands) refused.push({ row: 1, code: 'bad-bands', message: `the row "${labels.bands}" must read "Tốt: từ 90; Khá: từ 80; ..."` });

  const areas: Area[] = [];
  const groups = new Map<string, { items: FrameworkNode[] }>();
  const adjustments: FrameworkInput['adjustments'] = [];
  rows.slice(headerAt + 1).forEach((row, i) => {
    const line = headerAt + 2 + i;
    if (row.every((c) => text(c) === '')) return;
    const problem = (code: AnnexProblemCode, message: string, params?: Record<string, string>) =>
      refused.push({ row: line, code, message, ...(params ? { params } : {}) });
    const code = text(row[0]).replace(/\.$/, '');
    const maxPoints = parseNumber(row[2]);
    const method = methodOf(row[3]);
    if (!code) return problem('empty-code', 'the STT/code cell is empty');
    if (maxPoints === undefined) return problem('bad-points', `"${text(row[2])}" is not a number of points`, { value: text(row[2]) });
    if (method === undefined)
      return problem('bad-method', `"${text(row[3])}" is not a method (${Object.values(methodLabels).join(', ')})`, {
        value: text(row[3]),
      });
    if (method === 'bonus' || method === 'penalty') {
      adjustments.push({ code, kind: method, name: text(row[1]), maxPoints });
      return;
    }
    const parentCode = code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : undefined;
    const parent = parentCode === undefined ? undefined : groups.get(parentCode);
    if (parentCode !== undefined && !parent)
      return problem('no-parent', `code ${code} has no parent row ${parentCode} above it`, { code, parent: parentCode });
    let node: FrameworkNode;
    if (method === '') {
      node = { code, name: text(row[1]), maxPoints, items: [] };
      groups.set(code, node);
    } else {
      const reading = method === 'self' ? ruleFromText(text(row[4])) : {};
      if (reading.problem) problem(reading.problem.code, reading.problem.message, { code, rule: text(row[4]) });
      const evidence = fold(row[5]);
      const leaf: Leaf = { code, name: text(row[1]), maxPoints, method, ...(reading.rule ? { rule: reading.rule } : {}) };
      if (evidence === 'co') leaf.evidenceRequired = true;
      else if (evidence === 'khong') leaf.evidenceRequired = false;
      node = leaf;
    }
    if (parent) parent.items.push(node);
    else if (!isLeaf(node)) areas.push(node as Area);
    else problem('leaf-outside-area', `leaf ${code} must sit under an area`, { code });
  });
  if (refused.length > 0) return { problems: refused };
  const framework: FrameworkInput = { id, name, unitType: unitType!, maxTotal: maxTotal!, areas, adjustments, bands: bands! };
  if (status !== undefined && text(status) !== '') framework.status = text(status);
  return { framework: reorder(framework), problems: refused };
}

/** Keys in the order the reference files use, so that a round trip gives the same JSON. */
function reorder(f: FrameworkInput): FrameworkInput {
  const { id, name, unitType, status, maxTotal, adjustments, bands, areas } = f;
  return { id, name, unitType, ...(status !== undefined ? { status } : {}), maxTotal, adjustments, bands, areas };
}
