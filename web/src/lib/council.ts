/** What the council's screens load and how they order it (display only: the API decides the scope). */
import { api, type Schemas } from '../api/client';
import { collator } from './format';
import { currentSession } from './session';
import { must } from './use-load';

export type Draft = Schemas['DraftResults'];
export type UnitResult = Schemas['UnitResult'];
export type UnitType = 'department' | 'district' | 'commune';
export const unitTypes: UnitType[] = ['department', 'district', 'commune'];

export interface CouncilData {
  draft: Draft;
  units: Map<string, { name: string; parentId?: string | null; type: string }>;
  /** Area names per framework id. */
  areaNames: Map<string, Map<string, string>>;
  scope: string;
}

async function areaNamesOf(frameworkIds: string[]) {
  const entries = await Promise.all(
    frameworkIds.map(async (frameworkId) => {
      const f = await must(api().GET('/v1/frameworks/{frameworkId}', { params: { path: { frameworkId } } }));
      return [frameworkId, new Map(f.areas.map((a) => [a.code, a.name]))] as const;
    }),
  );
  return new Map(entries);
}

export async function loadCouncil(year: number): Promise<CouncilData> {
  const [draft, list] = await Promise.all([
    must(api().GET('/v1/cycles/{year}/results', { params: { path: { year } } })),
    must(api().GET('/v1/units', {})),
  ]);
  const units = new Map(list.units.map((u) => [u.id, { name: u.name, parentId: u.parentId, type: u.type }]));
  const frameworkIds = [...new Set(Object.values(draft.results).map((r) => r.frameworkId))];
  return { draft, units, areaNames: await areaNamesOf(frameworkIds), scope: scopeText(units) };
}

/** The council's scope as its token states it: the whole province, or a district's communes. */
export function scopeText(units: Map<string, { name: string }>): string {
  const district = currentSession()?.district;
  return district ? `các xã, phường, thị trấn của ${units.get(district)?.name ?? district}` : 'toàn tỉnh';
}

export const sortNames: Record<string, string> = {
  hang: 'Theo hạng',
  ten: 'Theo tên (A–Z)',
  'chiso-giam': 'Chỉ số giảm dần',
  'chiso-tang': 'Chỉ số tăng dần',
  thaydoi: 'Thay đổi so với năm trước',
};

export function sortUnits(rows: UnitResult[], by: string): UnitResult[] {
  const byName = (a: UnitResult, b: UnitResult) => collator.compare(a.name, b.name);
  const order: Record<string, (a: UnitResult, b: UnitResult) => number> = {
    hang: (a, b) => a.rank - b.rank || byName(a, b),
    ten: byName,
    'chiso-giam': (a, b) => b.index - a.index || byName(a, b),
    'chiso-tang': (a, b) => a.index - b.index || byName(a, b),
    thaydoi: (a, b) => (b.change?.index ?? -Infinity) - (a.change?.index ?? -Infinity) || byName(a, b),
  };
  return [...rows].sort(order[by] ?? order.hang);
}

/** The mean of each area's sub-index over the units shown. */
export function areaMeans(rows: UnitResult[]): { code: string; index: number }[] {
  const sums = new Map<string, { total: number; n: number }>();
  for (const u of rows)
    for (const a of u.areas) {
      const s = sums.get(a.code) ?? { total: 0, n: 0 };
      sums.set(a.code, { total: s.total + a.index, n: s.n + 1 });
    }
  return [...sums].map(([code, s]) => ({ code, index: Math.round((s.total / s.n) * 100) / 100 }));
}

export const signed = (n: number | null | undefined, format: (n: number) => string) =>
  n === null || n === undefined ? '—' : `${n > 0 ? '+' : ''}${format(n)}`;
