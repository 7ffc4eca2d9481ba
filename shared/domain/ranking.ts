/**
 * Rank, band and statistics, DESIGN §3.4 steps 4-6, all on the published index (2 decimals).
 *
 * - rank within the unit type, highest index first; equal indexes share a rank and the next rank
 *   skips (1, 2, 2, 4); equals are listed by name in Vietnamese collation (`Intl.Collator('vi')`,
 *   Đ after D, tones in dictionary order), then by unit id so the order never depends on input order;
 * - band: the first of the framework's bands (highest min first) whose min the index reaches;
 * - stats per unit type: count, mean, median (even count: mean of the middle two), min, max, each
 *   computed exactly from the published indexes and rounded half-up to 2 decimals at the end.
 */
import type { Framework } from '../schemas/files/framework.ts';
import { fromNumber, roundHalfUp, sum, TWO, type Exact } from './exact.ts';

export { vietnameseCollator as vietnamese } from './collation.ts';
import { vietnameseCollator as vietnamese } from './collation.ts';

export interface Rankable {
  unitId: string;
  unitType: string;
  name: string;
  /** the published (rounded) index */
  index: Exact;
}

/** Units in published order: by unit type (first appearance), then rank, then name. */
export function rankUnits<T extends Rankable>(units: readonly T[]): (T & { rank: number })[] {
  const byType = new Map<string, T[]>();
  for (const u of units) {
    const list = byType.get(u.unitType);
    if (list) list.push(u);
    else byType.set(u.unitType, [u]);
  }
  const out: (T & { rank: number })[] = [];
  for (const group of byType.values()) {
    const sorted = [...group].sort(
      (a, b) => b.index.compare(a.index) || vietnamese.compare(a.name, b.name) || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0),
    );
    sorted.forEach((u, i) => {
      const previous = out[out.length - 1];
      const rank = i > 0 && previous && previous.index.equals(u.index) ? previous.rank : i + 1;
      out.push({ ...u, rank });
    });
  }
  return out;
}

/** The band label of a published index. Bands are validated to end at a 0 floor. */
export function bandOf(bands: Framework['bands'], index: Exact): string {
  for (const band of bands) if (index.compare(fromNumber(band.min)) >= 0) return band.label;
  return bands[bands.length - 1]?.label ?? '';
}

export interface Stats {
  count: number;
  mean: Exact;
  median: Exact;
  min: Exact;
  max: Exact;
}

export function statistics(indexes: readonly Exact[]): Stats | undefined {
  if (indexes.length === 0) return undefined;
  const sorted = [...indexes].sort((a, b) => a.compare(b));
  const n = sorted.length;
  const mid = Math.floor(n / 2);
  const at = (i: number): Exact => sorted[i] as Exact; // 0 ≤ i < n
  const median =
    n % 2 === 1
      ? at(mid)
      : at(mid - 1)
          .add(at(mid))
          .div(TWO);
  return {
    count: n,
    mean: roundHalfUp(sum(sorted).div(fromNumber(n)), 2),
    median: roundHalfUp(median, 2),
    min: roundHalfUp(at(0), 2),
    max: roundHalfUp(at(n - 1), 2),
  };
}

/** Statistics per unit type, in order of first appearance. */
export function statisticsByType(units: readonly Rankable[]): Map<string, Stats> {
  const byType = new Map<string, Exact[]>();
  for (const u of units) {
    const list = byType.get(u.unitType);
    if (list) list.push(u.index);
    else byType.set(u.unitType, [u.index]);
  }
  const out = new Map<string, Stats>();
  for (const [type, indexes] of byType) {
    const s = statistics(indexes);
    if (s) out.set(type, s);
  }
  return out;
}
