/**
 * The council's computation input for one unit: the appraised score of every self leaf (the final
 * score after the last round) and the survey leaf scores from the survey summary. A leaf without
 * an appraised score is left out, so the engine scores it 0 and lists it in `missing`.
 */
import type { UnitScoreInput } from './scoring.ts';
import type { StoredItem } from './assessment.ts';
import type { UnitType } from '../schemas/files/framework.ts';

export interface UnitInputs {
  unitId: string;
  name: string;
  unitType: UnitType;
  items: ReadonlyMap<string, StoredItem>;
  /** Survey leaf → points (already rounded to 0.01 by the aggregation); absent when no valid answer. */
  surveyScores: Readonly<Record<string, number>>;
  surveyMissing: readonly string[];
  notApplicable: readonly string[];
}

export function scoreInput(unit: UnitInputs): UnitScoreInput {
  const scores: Record<string, number> = {};
  for (const [code, item] of unit.items) if (item.appraisedScore !== undefined) scores[code] = item.appraisedScore;
  const missingSurvey = new Set(unit.surveyMissing);
  for (const [code, points] of Object.entries(unit.surveyScores)) if (!missingSurvey.has(code)) scores[code] = points;
  return { unitId: unit.unitId, unitType: unit.unitType, name: unit.name, scores, notApplicable: [...unit.notApplicable] };
}
