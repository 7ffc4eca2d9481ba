/**
 * Published years across the plan: the publication a draft compares with, every published year,
 * and one unit's history. Years are looked up among the cycle years the API accepts (shared/domain/cycle-years.ts)
 * (two BatchGets of the cycles' small META items, not a scan).
 */
import { fail } from '../../domain/errors.ts';
import type { UnitResultJson } from '../../schemas/files/results.ts';
import { publishedYears } from '../../store/publications-store.ts';
import { getPublication, type Publication } from '../../store/results-store.ts';
import { cycleYears } from '../../domain/cycle-years.ts';

const { first: firstYear, last: lastYear } = cycleYears;

/** The latest publication before `year`, if any. */
export async function previousPublication(year: number): Promise<Publication | undefined> {
  const years = await publishedYears(firstYear, year - 1);
  const last = years.at(-1);
  return last === undefined ? undefined : getPublication(last);
}

export async function allPublishedYears(): Promise<number[]> {
  return publishedYears(firstYear, lastYear);
}

export interface UnitHistoryEntry extends Pick<UnitResultJson, 'index' | 'rank' | 'band' | 'areas' | 'previous' | 'change'> {
  year: number;
  decision: string;
  frameworkId: string;
  name: string;
  unitType: string;
}

/** A unit's published results, oldest first; unknown in every year: UNIT_NOT_FOUND. */
export async function unitHistory(unitId: string): Promise<{ unitId: string; years: UnitHistoryEntry[] }> {
  const years = await allPublishedYears();
  const publications = await Promise.all(years.map((y) => getPublication(y)));
  const entries: UnitHistoryEntry[] = [];
  for (const p of publications) {
    if (!p) continue;
    for (const r of Object.values(p.results)) {
      const u = r?.units.find((x) => x.unitId === unitId);
      if (!u || !r) continue;
      entries.push({
        year: p.year,
        // The decision that published this unit (a district council's for its communes).
        decision: u.publishedBy?.decision ?? p.decision,
        frameworkId: r.frameworkId,
        name: u.name,
        unitType: u.unitType,
        index: u.index,
        rank: u.rank,
        band: u.band,
        areas: u.areas,
        previous: u.previous ?? null,
        change: u.change ?? null,
      });
    }
  }
  if (entries.length === 0) throw fail.notFound(`unit ${unitId} has no published results`, 'UNIT_NOT_FOUND');
  return { unitId, years: entries };
}
