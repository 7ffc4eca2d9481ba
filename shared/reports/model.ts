/**
 * What every report file shares: the publication with its frameworks and the registry names of
 * parents, the Vietnamese labels, the order of unit types and the number formats.
 */
import type { Framework } from '../schemas/files/framework.ts';
import type { Results, UnitResultJson } from '../schemas/files/results.ts';
import { viDecimal2 } from '../domain/vietnamese-format.ts';

export interface ReportInput {
  year: number;
  decision: string;
  approvedAt: string;
  results: Partial<Record<string, Results>>;
  /** the framework of each unit type's results (names of areas and leaves, bands) */
  frameworks: Partial<Record<string, Framework>>;
  /** unit id → parent id and name as the registry records them (districts of communes) */
  units: Readonly<Record<string, { name: string; parentId?: string }>>;
}

/** Departments, then districts, then their communes: the order a council reads. */
export const typeOrder = ['province', 'department', 'district', 'commune'] as const;

export const typeLabels: Record<string, string> = {
  province: 'UBND tỉnh',
  department: 'Sở, ban, ngành tỉnh',
  district: 'UBND cấp huyện',
  commune: 'UBND cấp xã',
};

export const comparisonLabels: Record<string, string> = {
  'same-framework': 'so sánh được',
  crosswalk: 'so sánh qua bảng đối chiếu',
  'no-counterpart': 'lĩnh vực mới, không có lĩnh vực tương ứng năm trước',
  'no-mapping': 'không so sánh được (chưa có bảng đối chiếu)',
  'not-scored': 'không so sánh được (năm trước không chấm)',
  'no-previous': 'chưa có kết quả năm trước',
};

/** Results in the reading order, with their type. */
export function orderedResults(results: ReportInput['results']): [string, Results][] {
  const known = typeOrder.filter((t) => results[t]).map((t): [string, Results] => [t, results[t]!]);
  const others = Object.entries(results).filter((e): e is [string, Results] => !!e[1] && !(typeOrder as readonly string[]).includes(e[0]));
  return [...known, ...others];
}

/** 2 decimals with a decimal comma (Vietnamese). */
export const vn = (n: number) => viDecimal2(n, false);

/** A change with its sign: "+1,25", "−0,50", "0,00". */
export const signed = (n: number) => (n > 0 ? `+${vn(n)}` : n < 0 ? `−${vn(-n)}` : vn(0));

export const signedInt = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

/** Names of every area and leaf of a framework. */
export function nodeNames(framework: Framework | undefined): Map<string, string> {
  const names = new Map<string, string>();
  const visit = (node: { code: string; name: string; items?: unknown[] }) => {
    names.set(node.code, node.name);
    for (const child of (node.items ?? []) as { code: string; name: string; items?: unknown[] }[]) visit(child);
  };
  for (const area of framework?.areas ?? []) visit(area);
  return names;
}

export function parentOf(input: ReportInput, unit: UnitResultJson): { id: string; name: string } | undefined {
  const parentId = input.units[unit.unitId]?.parentId;
  if (!parentId) return undefined;
  return { id: parentId, name: input.units[parentId]?.name ?? parentId };
}

/** Area codes of a unit type's results, in framework order (the first unit that has each). */
export function areaCodes(results: Results, framework: Framework | undefined): string[] {
  if (framework) return framework.areas.map((a) => a.code);
  const codes: string[] = [];
  for (const u of results.units) for (const a of u.areas) if (!codes.includes(a.code)) codes.push(a.code);
  return codes;
}

/** Count of units in each band, bands highest first. */
export function bandCounts(
  results: Results,
  framework: Framework | undefined,
): { label: string; min: number; max: number; count: number }[] {
  const bands = framework?.bands ?? [];
  return bands.map((b, i) => ({
    label: b.label,
    min: b.min,
    max: i === 0 ? 100 : bands[i - 1]!.min,
    count: results.units.filter((u) => u.band === b.label).length,
  }));
}
