/**
 * Year over year: each unit's result beside its previous published one (DESIGN §3.4, extended).
 *
 * - `previous`: the unit's own result of the previous published year; for a unit the registry
 *   records as the successor of merged units, the combination of its predecessors: index
 *   100 × Σ total / Σ maxApplicable (as if they had been one unit), band by last year's bands,
 *   no rank (none existed). A unit with nothing to compare with gets `previous: null`.
 * - `change`: index − previous index (points of index, exact on the published 2-decimal
 *   figures), rank: previous rank − rank (places gained; null without a previous rank).
 * - areas: compared only where the framework versions allow it (crosswalk.ts); otherwise the
 *   area says why not (`comparison`), with `previousIndex` and `change` null.
 */
import type { Framework } from '../schemas/files/framework.ts';
import type { Results, UnitResultJson } from '../schemas/files/results.ts';
import { fromNumber, percent, sum, toNumber, ZERO, type Exact } from './exact.ts';
import { counterpartOf } from './crosswalk.ts';
import { bandOf } from './ranking.ts';

export interface PreviousResults {
  year: number;
  results: Results;
  /** last year's framework bands, to band a combination of merged predecessors */
  bands?: Framework['bands'];
}

export interface YearOverYearOptions {
  /** unit id → the units it continues (merged predecessors, itself included when it absorbed others) */
  predecessors?: ReadonlyMap<string, readonly string[]>;
}

type PreviousUnit = Pick<UnitResultJson, 'unitId' | 'index' | 'rank' | 'band' | 'total' | 'maxApplicable' | 'areas'>;

const n = fromNumber;

function combinedAreas(units: readonly PreviousUnit[]): Map<string, { score: Exact; max: Exact }> {
  const areas = new Map<string, { score: Exact; max: Exact }>();
  for (const u of units)
    for (const a of u.areas) {
      const sumSoFar = areas.get(a.code) ?? { score: ZERO, max: ZERO };
      areas.set(a.code, { score: sumSoFar.score.add(n(a.score)), max: sumSoFar.max.add(n(a.max)) });
    }
  return areas;
}

function previousOf(units: readonly PreviousUnit[], year: number, bands: Framework['bands'] | undefined): UnitResultJson['previous'] {
  const [only] = units;
  if (!only) return null;
  if (units.length === 1) return { year, index: only.index, rank: only.rank, band: only.band, unitIds: [only.unitId] };
  const maxSum = sum(units.map((u) => n(u.maxApplicable)));
  const index = maxSum.equals(ZERO) ? ZERO : percent(sum(units.map((u) => n(u.total))), maxSum);
  return { year, index: toNumber(index), rank: null, band: bands ? bandOf(bands, index) : null, unitIds: units.map((u) => u.unitId) };
}

function compareAreas(
  unit: UnitResultJson,
  framework: Pick<Framework, 'id' | 'predecessor'>,
  previousFrameworkId: string,
  previousAreas: Map<string, { score: Exact; max: Exact }> | undefined,
): UnitResultJson['areas'] {
  return unit.areas.map((area) => {
    if (!previousAreas) return { ...area, previousIndex: null, change: null, comparison: 'no-previous' as const };
    const counterpart = counterpartOf(framework, previousFrameworkId, area.code);
    if (counterpart.kind === 'no-counterpart' || counterpart.kind === 'no-mapping')
      return { ...area, previousIndex: null, change: null, comparison: counterpart.kind };
    const found = counterpart.codes.map((c) => previousAreas.get(c));
    if (found.some((f) => f === undefined)) return { ...area, previousIndex: null, change: null, comparison: 'not-scored' as const };
    const max = sum(found.map((f) => f!.max));
    if (max.equals(ZERO)) return { ...area, previousIndex: null, change: null, comparison: 'not-scored' as const };
    const previousIndex = percent(sum(found.map((f) => f!.score)), max);
    return {
      ...area,
      previousIndex: toNumber(previousIndex),
      change: toNumber(n(area.index).sub(previousIndex)),
      comparison: counterpart.kind,
    };
  });
}

/** `current` (one unit type's results) with every unit compared with `previous`; `framework` is this year's. */
export function compareWithPrevious(
  current: Results,
  framework: Pick<Framework, 'id' | 'predecessor'>,
  previous: PreviousResults | undefined,
  options: YearOverYearOptions = {},
): Results {
  const before = new Map((previous?.results.units ?? []).map((u) => [u.unitId, u]));
  const units = current.units.map((unit): UnitResultJson => {
    const sources = (options.predecessors?.get(unit.unitId) ?? [unit.unitId]).map((id) => before.get(id)).filter((u) => u !== undefined);
    const prior = previous ? previousOf(sources, previous.year, previous.bands) : null;
    const change = prior
      ? { index: toNumber(n(unit.index).sub(n(prior.index))), rank: prior.rank === null ? null : prior.rank - unit.rank }
      : null;
    const areas = compareAreas(unit, framework, previous?.results.frameworkId ?? '', prior ? combinedAreas(sources) : undefined);
    return { ...unit, areas, previous: prior, change };
  });
  return { ...current, units, previousYear: previous?.year ?? null };
}

/**
 * Predecessors as the registry records merges: a unit retired into another names it as its
 * `successorId`; the successor then compares with them (and with itself, when it existed before).
 */
export function predecessorsFromRegistry(units: readonly { id: string; successorId?: string }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const u of units) {
    if (!u.successorId) continue;
    const list = out.get(u.successorId) ?? [u.successorId];
    list.push(u.id);
    out.set(u.successorId, list);
  }
  return out;
}
