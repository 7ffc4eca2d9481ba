/**
 * A year's publications (the provincial council's and each district council's) read as one: every
 * published unit carries the decision that published it, every report file the same. Ranks stay as
 * each council published them (a district council ranks its own communes); a unit type published
 * by several councils gets its statistics over all their units, from the published indexes.
 */
import { provinceCouncil, publishedBy, type PublishedBy } from '../domain/councils.ts';
import { fromNumber, toNumber } from '../domain/exact.ts';
import { statistics } from '../domain/ranking.ts';
import type { Results } from '../schemas/files/results.ts';
import type { Publication, ReportFile, ReportState } from './entities/publication.ts';
import { compareVietnamese } from '../domain/collation.ts';

export interface CouncilPublication extends PublishedBy {
  units: number;
  /** Its report files: `pending` until the report function has written them. */
  reports: ReportState;
}

export interface MergedPublication extends Publication {
  /** Every council publication of the year, the province first. */
  councils: CouncilPublication[];
  /** Only the files written so far: a pending council's come with `ready`. */
  files: (ReportFile & { publishedBy?: PublishedBy })[];
  /** `ready` once every council's report files are written. */
  reports: ReportState;
}

const councilOf = (p: Publication) => p.council ?? provinceCouncil;
const byOf = (p: Publication) => publishedBy(councilOf(p), p.decision, p.approvedAt);
/** The province first, then the districts by id. */
const order = (a: Publication, b: Publication) =>
  Number(councilOf(b) === provinceCouncil) - Number(councilOf(a) === provinceCouncil) || compareVietnamese(councilOf(a), councilOf(b));
const reportsOf = (p: Publication): ReportState => p.reports ?? 'ready';
const countUnits = (p: Publication) => Object.values(p.results).reduce((n, r) => n + (r?.units.length ?? 0), 0);

function mergeType(type: string, parts: { results: Results; by: PublishedBy }[]): Results {
  const units = parts.flatMap((p) => p.results.units.map((u) => ({ ...u, publishedBy: p.by })));
  if (parts.length === 1) return { ...parts[0]!.results, units };
  const s = statistics(units.map((u) => fromNumber(u.index)));
  const stats = s
    ? { [type]: { count: s.count, mean: toNumber(s.mean), median: toNumber(s.median), min: toNumber(s.min), max: toNumber(s.max) } }
    : {};
  // The analysis is per council (each publication's own); several councils' together have none.
  const { analysis: _a, ...first } = parts[0]!.results;
  return { ...first, units, stats };
}

/** The publications of one year as one publication; undefined when none is written. */
export function mergePublications(publications: readonly Publication[]): MergedPublication | undefined {
  const ordered = [...publications].sort(order);
  const head = ordered[0];
  if (!head) return undefined;
  const byType = new Map<string, { results: Results; by: PublishedBy }[]>();
  for (const p of ordered) {
    for (const [type, r] of Object.entries(p.results)) if (r) byType.set(type, [...(byType.get(type) ?? []), { results: r, by: byOf(p) }]);
  }
  return {
    ...head,
    results: Object.fromEntries([...byType].map(([type, parts]) => [type, mergeType(type, parts)])),
    files: ordered.flatMap((p) => p.files.map((f) => ({ ...f, publishedBy: byOf(p) }))),
    councils: ordered.map((p) => ({ ...byOf(p), units: countUnits(p), reports: reportsOf(p) })),
    reports: ordered.every((p) => reportsOf(p) === 'ready') ? 'ready' : 'pending',
  };
}
