/**
 * The whole computation of DESIGN §3.4 on validated inputs: every unit's result, ranked, banded,
 * with statistics per unit type, as the results JSON (numbers rounded only where §3.4 says).
 * Shared by `par compute` and the results API.
 */
import type { Framework } from '../schemas/files/framework.ts';
import type { Results, StatsJson, UnitResultJson } from '../schemas/files/results.ts';
import { toNumber } from './exact.ts';
import { bandOf, rankUnits, statisticsByType } from './ranking.ts';
import { scoreUnit, type SurveyLeafSource, type UnitScoreInput } from './scoring.ts';

export function computeIndex(framework: Framework, units: readonly UnitScoreInput[], survey?: SurveyLeafSource): Results {
  const scored = units.map((u) => scoreUnit(framework, u, survey));
  const ranked = rankUnits(scored);
  const stats: Record<string, StatsJson> = {};
  for (const [type, s] of statisticsByType(scored)) {
    stats[type] = { count: s.count, mean: toNumber(s.mean), median: toNumber(s.median), min: toNumber(s.min), max: toNumber(s.max) };
  }
  return {
    frameworkId: framework.id,
    units: ranked.map((u): UnitResultJson => ({
      unitId: u.unitId,
      name: u.name,
      unitType: u.unitType,
      achieved: toNumber(u.achieved),
      bonusTotal: toNumber(u.bonusTotal),
      penaltyTotal: toNumber(u.penaltyTotal),
      total: toNumber(u.total),
      maxApplicable: toNumber(u.maxApplicable),
      index: toNumber(u.index),
      rank: u.rank,
      band: bandOf(framework.bands, u.index),
      selfTotal: toNumber(u.selfTotal),
      surveyTotal: toNumber(u.surveyTotal),
      missing: u.missing,
      areas: u.areas.map((a) => ({ code: a.code, score: toNumber(a.score), max: toNumber(a.max), index: toNumber(a.index) })),
    })),
    stats,
  };
}
