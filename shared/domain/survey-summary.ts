/**
 * The survey summary per unit: responses per group (bulk and online) against the target sample,
 * and the survey leaf scores, computed by the engine (survey-aggregation.ts, DESIGN §3.4 step 1)
 * from the stored answer counts. Leaves a unit is exempt from (the cycle's notApplicable) are
 * left out, as in the results.
 */
import type { Framework } from '../schemas/files/framework.ts';
import type { SurveyDefinitionInput } from '../schemas/files/survey-definition.ts';
import { toNumber } from './exact.ts';
import { applicableLeaves } from './framework.ts';
import { surveyLeafScore, type CompiledSurvey, type SurveyTally } from './survey-aggregation.ts';
import { addToTally, type GroupCounts } from './survey-counts.ts';
import { targetFor } from './survey-definition.ts';

export interface UnitSummary {
  unitId: string;
  name: string;
  groups: Record<string, { responses: number; target: number | null }>;
  leafScores: Record<string, number>;
  missing: string[];
}

export function summarise(input: {
  definition: SurveyDefinitionInput;
  survey: CompiledSurvey;
  framework: Framework;
  units: readonly { id: string; name: string }[];
  counts: readonly GroupCounts[];
  notApplicable: Readonly<Record<string, readonly string[]>>;
}): UnitSummary[] {
  const tally: SurveyTally = new Map();
  const responses = new Map<string, number>();
  for (const c of input.counts) {
    addToTally(input.survey, tally, c.unitId, c.group, c.counts);
    const key = `${c.unitId}\u0000${c.group}`;
    responses.set(key, (responses.get(key) ?? 0) + c.responses);
  }
  const groups = Object.keys(input.definition.groups);
  return input.units.map((unit) => {
    const summary: UnitSummary = { unitId: unit.id, name: unit.name, groups: {}, leafScores: {}, missing: [] };
    for (const g of groups) {
      summary.groups[g] = { responses: responses.get(`${unit.id}\u0000${g}`) ?? 0, target: targetFor(input.definition, g, unit.id) };
    }
    for (const { leaf } of applicableLeaves(input.framework, input.notApplicable[unit.id] ?? [])) {
      if (leaf.method !== 'survey') continue;
      const result = surveyLeafScore(input.survey, tally, unit.id, leaf);
      summary.leafScores[leaf.code] = toNumber(result.score);
      if (result.missing) summary.missing.push(leaf.code);
    }
    return summary;
  });
}
