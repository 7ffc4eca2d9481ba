/**
 * One unit's result, DESIGN §3.4 steps 2-3:
 *   achieved = sum of applicable leaf scores (self + survey);
 *   total    = achieved + bonuses − penalties, floored at 0 and capped at maxApplicable;
 *   index    = 100 × total / maxApplicable, half-up to 2 decimals;
 *   area sub-index: the same over the area's applicable leaves, without adjustments; an area
 *   with no applicable leaf is left out.
 * Everything is exact; only `index` and the area indexes are rounded. Inputs are assumed
 * validated (shared/domain/scores-validation.ts).
 */
import type { Framework, Leaf, UnitType } from '../schemas/files/framework.ts';
import { fromNumber, max, min, percent, ZERO, type Exact } from './exact.ts';
import { applicableLeaves } from './framework.ts';

export interface UnitScoreInput {
  unitId: string;
  unitType: UnitType;
  name: string;
  scores: Readonly<Record<string, number>>;
  adjustments?: Readonly<Record<string, number>>;
  notApplicable?: readonly string[];
}

/** A survey leaf's score from the survey, when a survey file is used (else scores[code]). */
export type SurveyLeafSource = (unitId: string, leaf: Leaf) => { score: Exact; missing: boolean };

export interface AreaResult {
  code: string;
  score: Exact;
  max: Exact;
  index: Exact;
}

export interface UnitResult {
  unitId: string;
  name: string;
  unitType: UnitType;
  achieved: Exact;
  bonusTotal: Exact;
  penaltyTotal: Exact;
  total: Exact;
  maxApplicable: Exact;
  /** rounded half-up to 2 decimals: the published index */
  index: Exact;
  selfTotal: Exact;
  surveyTotal: Exact;
  /** applicable leaves without a score (or without a valid survey answer), framework order */
  missing: string[];
  areas: AreaResult[];
}

export function scoreUnit(framework: Framework, unit: UnitScoreInput, survey?: SurveyLeafSource): UnitResult {
  let selfTotal = ZERO;
  let surveyTotal = ZERO;
  let maxApplicable = ZERO;
  const missing: string[] = [];
  const areas = new Map<string, { score: Exact; max: Exact }>();

  for (const { leaf, areaCode } of applicableLeaves(framework, unit.notApplicable ?? [])) {
    let score: Exact;
    if (leaf.method === 'survey' && survey) {
      const s = survey(unit.unitId, leaf);
      score = s.score;
      if (s.missing) missing.push(leaf.code);
    } else {
      const given = unit.scores[leaf.code];
      if (given === undefined) missing.push(leaf.code);
      score = given === undefined ? ZERO : fromNumber(given);
    }
    if (leaf.method === 'self') selfTotal = selfTotal.add(score);
    else surveyTotal = surveyTotal.add(score);
    const leafMax = fromNumber(leaf.maxPoints);
    maxApplicable = maxApplicable.add(leafMax);
    const area = areas.get(areaCode) ?? { score: ZERO, max: ZERO };
    areas.set(areaCode, { score: area.score.add(score), max: area.max.add(leafMax) });
  }

  let bonusTotal = ZERO;
  let penaltyTotal = ZERO;
  for (const adjustment of framework.adjustments) {
    const value = unit.adjustments?.[adjustment.code];
    if (value === undefined) continue;
    if (adjustment.kind === 'bonus') bonusTotal = bonusTotal.add(fromNumber(value));
    else penaltyTotal = penaltyTotal.add(fromNumber(value));
  }

  const achieved = selfTotal.add(surveyTotal);
  const total = min(max(achieved.add(bonusTotal).sub(penaltyTotal), ZERO), maxApplicable);
  return {
    unitId: unit.unitId,
    name: unit.name,
    unitType: unit.unitType,
    achieved,
    bonusTotal,
    penaltyTotal,
    total,
    maxApplicable,
    index: maxApplicable.equals(ZERO) ? ZERO : percent(total, maxApplicable),
    selfTotal,
    surveyTotal,
    missing,
    // Framework order, which Map insertion order already follows.
    areas: [...areas].map(([code, a]) => ({ code, score: a.score, max: a.max, index: percent(a.score, a.max) })),
  };
}
