/**
 * GET /v1/cycles/{year}/results/units/{unitId}/explanation: the computation trace of one unit's
 * result (score-explanation.ts) against the results the council reads: the publication once
 * published, else the current draft. Leaves, rounds and survey answers are read as stored.
 */
import type { AppraisedItem } from '../../domain/appraisal.ts';
import { councilOfUnit, councilRefusal, provinceCouncil, requiredCouncils } from '../../domain/councils.ts';
import { enforce, fail } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import { toNumber } from '../../domain/exact.ts';
import { applicableLeaves } from '../../domain/framework.ts';
import { scoreInput } from '../../domain/results-inputs.ts';
import { exemptions, leafTraces, liftToNextBand, surveyTrace, type SurveyTrace } from '../../domain/score-explanation.ts';
import { compileSurvey, surveyLeafScore } from '../../domain/survey-aggregation.ts';
import { addToTally } from '../../domain/survey-counts.ts';
import type { SurveyTally } from '../../domain/survey-aggregation.ts';
import { leafOutcomes } from '../../domain/weaknesses.ts';
import type { Leaf } from '../../schemas/files/framework.ts';
import type { Cycle } from '../../schemas/domain/cycles.ts';
import { loadAssessment } from '../../store/assessment-store.ts';
import { getCycle } from '../../store/cycles-store.ts';
import { getDraft, getPublication } from '../../store/results-store.ts';
import { listImports } from '../../store/survey-imports-store.ts';
import { importSource, onlineSource, readCounts } from '../../store/survey-respondents-store.ts';
import { frameworkOf } from '../assessment/assessment-context.ts';
import { resultsStores } from './stores.ts';
import { loadSurveyContext } from '../surveys/survey-context.ts';

interface UnitSurvey {
  trace: (leaf: Leaf) => SurveyTrace;
  /** the engine's leaf score, as the draft took it (survey-aggregation.ts) */
  score: (leaf: Leaf) => { score: number; missing: boolean };
}

/** The survey of one unit, or undefined when the cycle has no usable survey for its type. */
async function surveyFor(cycle: Cycle, unitType: string, unitId: string): Promise<UnitSurvey | undefined> {
  const surveyId = cycle.surveys?.[unitType as keyof NonNullable<Cycle['surveys']>];
  if (!surveyId) return undefined;
  const context = await loadSurveyContext(cycle.year, surveyId).catch(() => undefined);
  const compiled = context ? compileSurvey(context.definition, context.framework) : undefined;
  if (!compiled?.ok) return undefined;
  const [imports, stored] = await Promise.all([listImports(cycle.year, surveyId), readCounts(cycle.year, surveyId)]);
  const done = new Set(imports.filter((i) => i.status === 'done').map((i) => importSource(i.importId)));
  const tally: SurveyTally = new Map();
  for (const c of stored)
    if (c.unitId === unitId && (c.source === onlineSource || done.has(c.source)))
      addToTally(compiled.survey, tally, c.unitId, c.group, c.counts);
  return {
    trace: (leaf) => surveyTrace(compiled.survey, tally.get(unitId), leaf),
    score: (leaf) => {
      const r = surveyLeafScore(compiled.survey, tally, unitId, leaf);
      return { score: toNumber(r.score), missing: r.missing };
    },
  };
}

/** The draft holding the unit: its council's (a district council's communes are in its own), read within the caller's council. */
async function draftHolding(cycle: Cycle, unitId: string, caller?: Caller) {
  const registry = await resultsStores.cycleRegistry(cycle.year);
  const unit = registry.find((u) => u.id === unitId);
  const council = unit ? councilOfUnit(unit, cycle) : provinceCouncil;
  if (caller) enforce(councilRefusal(caller, council, cycle, requiredCouncils(cycle, registry), 'read'));
  return getDraft(cycle.year, council);
}

export async function explainUnitResult(year: number, unitId: string, caller?: Caller) {
  const cycle = await getCycle(year);
  if (!cycle) throw fail.notFound(`cycle ${year} does not exist`, 'CYCLE_NOT_FOUND');
  const published = cycle.phase === 'published' ? await getPublication(year) : undefined;
  const source = published ?? (await draftHolding(cycle, unitId, caller));
  if (!source) throw fail.conflict('NO_DRAFT', `no results have been computed for ${year}; POST .../results/compute first`);
  const results = Object.values(source.results).find((r) => r?.units.some((u) => u.unitId === unitId));
  const unit = results?.units.find((u) => u.unitId === unitId);
  if (!results || !unit) throw fail.notFound(`unit ${unitId} has no result in ${year}`, 'UNIT_NOT_FOUND');
  const framework = await frameworkOf(results.frameworkId);
  if (!framework) throw fail.notFound(`framework ${results.frameworkId} does not exist`, 'FRAMEWORK_NOT_FOUND');
  const [loaded, survey] = await Promise.all([loadAssessment(year, unitId), surveyFor(cycle, unit.unitType, unitId)]);
  const notApplicable = cycle.notApplicable[unitId] ?? [];
  const items = loaded.items as ReadonlyMap<string, AppraisedItem>;
  const surveyScores: Record<string, number> = {};
  const surveyMissing: string[] = [];
  for (const { leaf } of applicableLeaves(framework, notApplicable)) {
    if (leaf.method !== 'survey' || !survey) continue;
    const s = survey.score(leaf);
    surveyScores[leaf.code] = s.score;
    if (s.missing) surveyMissing.push(leaf.code);
  }
  const input = scoreInput({ unitId, name: unit.name, unitType: unit.unitType, items, surveyScores, surveyMissing, notApplicable });
  const selfScores: Record<string, number> = {};
  for (const [code, item] of items) if (item.selfScore !== undefined) selfScores[code] = item.selfScore;
  const traces = leafTraces(framework, notApplicable, leafOutcomes(framework, input, selfScores), items, survey?.trace);
  const tied = results.units.filter((u) => u.rank === unit.rank && u.unitId !== unitId).map((u) => ({ unitId: u.unitId, name: u.name }));
  return {
    year,
    status: published ? ('published' as const) : ('draft' as const),
    computedAt: 'computedAt' in source ? source.computedAt : undefined,
    unitId,
    name: unit.name,
    unitType: unit.unitType,
    frameworkId: framework.id,
    leaves: traces,
    exemptions: exemptions(framework, notApplicable),
    adjustments: { items: framework.adjustments, bonusTotal: unit.bonusTotal, penaltyTotal: unit.penaltyTotal },
    areas: unit.areas,
    totals: {
      achieved: unit.achieved,
      selfTotal: unit.selfTotal,
      surveyTotal: unit.surveyTotal,
      total: unit.total,
      maxApplicable: unit.maxApplicable,
      index: unit.index,
    },
    rank: { rank: unit.rank, of: results.units.length, tiedWith: tied },
    band: unit.band,
    previous: unit.previous ?? null,
    change: unit.change ?? null,
    nextBand: liftToNextBand(framework, unit, traces),
  };
}
