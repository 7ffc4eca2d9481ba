/**
 * Strengths and weaknesses of one unit type (plan objective: "nhận thấy rõ những kết quả được,
 * những tồn tại hạn chế"): per leaf and per area the share of the maximum the units achieved, the
 * leaves where most points are lost, the largest self-vs-appraised gaps by leaf and by unit, and
 * per unit its five weakest leaves with the points lost. Exact arithmetic; shares are rounded
 * half-up to 2 decimals at the end, like every published figure.
 */
import type { Framework } from '../schemas/files/framework.ts';
import type { Analysis } from '../schemas/files/results.ts';
import { fromNumber, percent, toNumber, ZERO, type Exact } from './exact.ts';
import { applicableLeaves } from './framework.ts';
import { vietnamese } from './ranking.ts';
import type { UnitScoreInput } from './scoring.ts';

export interface LeafOutcome {
  code: string;
  area: string;
  method: 'self' | 'survey';
  max: number;
  /** the final score (appraised, or from the survey); 0 when missing */
  score: number;
  /** the unit's own score, self-assessed leaves only */
  selfScore?: number;
  missing: boolean;
}

export interface UnitOutcomes {
  unitId: string;
  name: string;
  leaves: LeafOutcome[];
}

export interface WeakLeaf {
  code: string;
  score: number;
  max: number;
  lost: number;
}

/** Every applicable leaf of a unit with its final score (as the engine scores it) and self score. */
export function leafOutcomes(framework: Framework, input: UnitScoreInput, selfScores: Readonly<Record<string, number>>): LeafOutcome[] {
  return applicableLeaves(framework, input.notApplicable ?? []).map(({ leaf, areaCode }) => {
    const given = input.scores[leaf.code];
    const self = leaf.method === 'self' ? selfScores[leaf.code] : undefined;
    return {
      code: leaf.code,
      area: areaCode,
      method: leaf.method,
      max: leaf.maxPoints,
      score: given ?? 0,
      ...(self === undefined ? {} : { selfScore: self }),
      missing: given === undefined,
    };
  });
}

const lostOf = (l: LeafOutcome): Exact => fromNumber(l.max).sub(fromNumber(l.score));
const gapOf = (l: LeafOutcome): Exact | undefined =>
  l.method === 'self' && l.selfScore !== undefined && !l.missing ? fromNumber(l.selfScore).sub(fromNumber(l.score)) : undefined;

/** The unit's leaves with points lost, most lost first (framework order among equals), at most `count`. */
export function weakestLeaves(leaves: readonly LeafOutcome[], count = 5): WeakLeaf[] {
  return leaves
    .map((l, i) => ({ l, i, lost: lostOf(l) }))
    .filter((x) => x.lost.compare(ZERO) > 0)
    .sort((a, b) => b.lost.compare(a.lost) || a.i - b.i)
    .slice(0, count)
    .map(({ l, lost }) => ({ code: l.code, score: l.score, max: l.max, lost: toNumber(lost) }));
}

interface Tally {
  code: string;
  area: string;
  order: number;
  units: number;
  achieved: Exact;
  possible: Exact;
  gap: Exact;
}

function add(map: Map<string, Tally>, key: string, area: string, leaf: LeafOutcome, newUnit = true) {
  const t = map.get(key) ?? { code: key, area, order: map.size, units: 0, achieved: ZERO, possible: ZERO, gap: ZERO };
  if (newUnit) t.units++;
  t.achieved = t.achieved.add(fromNumber(leaf.score));
  t.possible = t.possible.add(fromNumber(leaf.max));
  t.gap = t.gap.add(gapOf(leaf) ?? ZERO);
  map.set(key, t);
}

const figures = (t: Tally) => ({
  code: t.code,
  units: t.units,
  achieved: toNumber(t.achieved),
  possible: toNumber(t.possible),
  share: t.possible.equals(ZERO) ? 0 : toNumber(percent(t.achieved, t.possible)),
  lost: toNumber(t.possible.sub(t.achieved)),
  gap: toNumber(t.gap),
});

const top = (tallies: Tally[], measure: (t: Tally) => Exact, count = 10) =>
  tallies
    .filter((t) => measure(t).compare(ZERO) > 0)
    .sort((a, b) => measure(b).compare(measure(a)) || a.order - b.order)
    .slice(0, count)
    .map((t) => t.code);

/** The analysis of one unit type's results, and each unit's weakest leaves. */
export function analyse(units: readonly UnitOutcomes[]): { analysis: Analysis; weakest: Map<string, WeakLeaf[]> } {
  const byLeaf = new Map<string, Tally>();
  const byArea = new Map<string, Tally>();
  let achieved = ZERO;
  let possible = ZERO;
  const gaps: { unitId: string; name: string; gap: Exact; leaves: number }[] = [];
  const weakest = new Map<string, WeakLeaf[]>();
  for (const unit of units) {
    let gap = ZERO;
    let lowered = 0;
    const areasSeen = new Set<string>();
    for (const leaf of unit.leaves) {
      add(byLeaf, leaf.code, leaf.area, leaf);
      add(byArea, leaf.area, leaf.area, leaf, !areasSeen.has(leaf.area));
      areasSeen.add(leaf.area);
      achieved = achieved.add(fromNumber(leaf.score));
      possible = possible.add(fromNumber(leaf.max));
      const g = gapOf(leaf);
      if (g && !g.equals(ZERO)) {
        gap = gap.add(g);
        lowered++;
      }
    }
    if (lowered > 0) gaps.push({ unitId: unit.unitId, name: unit.name, gap, leaves: lowered });
    weakest.set(unit.unitId, weakestLeaves(unit.leaves));
  }
  const leaves = [...byLeaf.values()];
  return {
    analysis: {
      share: possible.equals(ZERO) ? 0 : toNumber(percent(achieved, possible)),
      areas: [...byArea.values()].map(figures),
      leaves: leaves.map((t) => ({ ...figures(t), area: t.area })),
      mostLost: top(leaves, (t) => t.possible.sub(t.achieved)),
      gapsByLeaf: top(leaves, (t) => t.gap),
      gapsByUnit: gaps
        .filter((g) => g.gap.compare(ZERO) > 0)
        .sort((a, b) => b.gap.compare(a.gap) || vietnamese.compare(a.name, b.name))
        .slice(0, 10)
        .map((g) => ({ unitId: g.unitId, name: g.name, gap: toNumber(g.gap), leaves: g.leaves })),
    },
    weakest,
  };
}
