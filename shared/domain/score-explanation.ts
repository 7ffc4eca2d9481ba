/**
 * Why a unit has the index it has (the computation trace of DESIGN §3.4, one unit at a time):
 * every leaf with its self score, figure and rule, each appraisal round, the final score and the
 * points lost; a survey leaf with each question's group means and weights; the exemptions, the
 * adjustments, the area sub-indexes, the index and the rank with the units it ties with; and what
 * would lift the unit into the next band: the fewest leaves whose points still available cover
 * the points needed (the largest first, then the other sets of that size that also suffice).
 */
import type { Framework, Leaf } from '../schemas/files/framework.ts';
import type { UnitResultJson } from '../schemas/files/results.ts';
import type { AppraisedItem } from './appraisal.ts';
import { fromInteger, fromNumber, HUNDRED, ONE, roundHalfUp, toNumber, ZERO, type Exact } from './exact.ts';
import { applicableLeaves, leaves } from './framework.ts';
import { suggestedScore } from './rules.ts';
import type { CompiledSurvey } from './survey-aggregation.ts';
import type { LeafOutcome } from './weaknesses.ts';

type Question = CompiledSurvey['questions'][number];

export interface SurveyTrace {
  ratio: number | null;
  questions: { questionId: string; value: number | null; groups: { group: string; weight: number; answers: number; mean: number }[] }[];
}

const four = (x: Exact) => toNumber(roundHalfUp(x, 4));

/** A survey leaf's ratio with each question's group means (4 decimals; the score itself is the engine's). */
export function surveyTrace(survey: CompiledSurvey, groups: ReadonlyMap<string, Uint32Array> | undefined, leaf: Leaf): SurveyTrace {
  const questions = (survey.questionsByLeaf.get(leaf.code) ?? []).map((q: Question) => {
    let weighted = ZERO;
    let weights = ZERO;
    const perGroup: SurveyTrace['questions'][number]['groups'] = [];
    for (const [group, counts] of groups ?? []) {
      let valid = 0n;
      let sum = 0n;
      q.numerators.forEach((num, k) => {
        const c = BigInt(counts[q.offset + k] ?? 0);
        if (num === null || c === 0n) return;
        valid += c;
        sum += c * num;
      });
      if (valid === 0n) continue;
      const mean = fromInteger(sum).div(fromInteger(q.denominator * valid));
      const w = survey.groupWeights.get(group) ?? ONE;
      weighted = weighted.add(mean.mul(w));
      weights = weights.add(w);
      perGroup.push({ group, weight: toNumber(roundHalfUp(w, 4)), answers: Number(valid), mean: four(mean) });
    }
    const value = weights.equals(ZERO) ? undefined : weighted.div(weights);
    return { value, trace: { questionId: q.id, value: value ? four(value) : null, groups: perGroup } };
  });
  const values = questions.map((q) => q.value).filter((v): v is Exact => v !== undefined);
  const ratio = values.length ? values.reduce((a, b) => a.add(b), ZERO).div(fromInteger(values.length)) : undefined;
  return { ratio: ratio ? four(ratio) : null, questions: questions.map((q) => q.trace) };
}

export interface LeafTrace {
  code: string;
  name: string;
  area: string;
  method: 'self' | 'survey';
  max: number;
  rule?: Leaf['rule'];
  figure?: number | boolean;
  suggestedScore?: number;
  selfScore?: number;
  rounds: { round: number; score: number; reason?: string; at: string }[];
  explanations: { round: number; text: string }[];
  score: number;
  lost: number;
  missing: boolean;
  survey?: SurveyTrace;
}

export function leafTraces(
  framework: Framework,
  notApplicable: readonly string[],
  outcomes: readonly LeafOutcome[],
  items: ReadonlyMap<string, AppraisedItem>,
  survey: ((leaf: Leaf) => SurveyTrace) | undefined,
): LeafTrace[] {
  const byCode = new Map(outcomes.map((o) => [o.code, o]));
  return applicableLeaves(framework, notApplicable).map(({ leaf, areaCode }) => {
    const o = byCode.get(leaf.code);
    const item = items.get(leaf.code);
    const figure = typeof item?.figure === 'number' || typeof item?.figure === 'boolean' ? item.figure : undefined;
    const suggested = figure === undefined ? undefined : suggestedScore(leaf, figure);
    const score = o?.score ?? 0;
    return {
      code: leaf.code,
      name: leaf.name,
      area: areaCode,
      method: leaf.method,
      max: leaf.maxPoints,
      ...(leaf.rule ? { rule: leaf.rule } : {}),
      ...(figure === undefined ? {} : { figure }),
      ...(suggested === undefined || suggested === null ? {} : { suggestedScore: suggested }),
      ...(item?.selfScore === undefined ? {} : { selfScore: item.selfScore }),
      rounds: (item?.appraisals ?? []).map((a) => ({
        round: a.round,
        score: a.score,
        ...(a.reason ? { reason: a.reason } : {}),
        at: a.at,
      })),
      explanations: (item?.explanations ?? []).map((e) => ({ round: e.round, text: e.text })),
      score,
      lost: toNumber(fromNumber(leaf.maxPoints).sub(fromNumber(score))),
      missing: o?.missing ?? true,
      ...(leaf.method === 'survey' && survey ? { survey: survey(leaf) } : {}),
    };
  });
}

/** Codes the cycle exempts for the unit, with the leaves each one takes out. */
export function exemptions(framework: Framework, notApplicable: readonly string[]): { code: string; leaves: string[] }[] {
  return notApplicable.map((code) => ({
    code,
    leaves: leaves(framework)
      .filter((e) => e.leaf.code === code || e.ancestors.includes(code))
      .map((e) => e.leaf.code),
  }));
}

export interface Lift {
  band: string;
  min: number;
  pointsNeeded: number;
  /** the fewest leaves that can cover the points, or null when even every point available falls short */
  leavesNeeded: number | null;
  sets: { code: string; available: number }[][];
}

/**
 * The next band up and how to reach it. The index is published rounded half-up, so the band's
 * minimum m is reached once 100 × total / max ≥ m − 0.005; raising leaf scores raises the total
 * point for point (bonuses and penalties as they are).
 */
export function liftToNextBand(framework: Framework, unit: UnitResultJson, traces: readonly LeafTrace[], maxSets = 3): Lift | null {
  const current = framework.bands.findIndex((b) => b.label === unit.band);
  const next = current > 0 ? framework.bands[current - 1] : undefined;
  if (!next) return null;
  const threshold = fromNumber(next.min).sub(fromNumber(0.005)).mul(fromNumber(unit.maxApplicable)).div(HUNDRED);
  const raw = fromNumber(unit.achieved).add(fromNumber(unit.bonusTotal)).sub(fromNumber(unit.penaltyTotal));
  const needed = threshold.sub(raw);
  // Points come in hundredths at the finest (survey scores); round the need up to that.
  const pointsNeeded = needed.compare(ZERO) <= 0 ? ZERO : needed.mul(HUNDRED).ceil().div(HUNDRED);
  const available = traces
    .map((t, i) => ({ code: t.code, i, available: fromNumber(t.max).sub(fromNumber(t.score)) }))
    .filter((a) => a.available.compare(ZERO) > 0)
    .sort((a, b) => b.available.compare(a.available) || a.i - b.i);
  let k = 0;
  let acc = ZERO;
  while (k < available.length && acc.compare(pointsNeeded) < 0) acc = acc.add(available[k++]!.available);
  const out = (set: typeof available) => set.map((a) => ({ code: a.code, available: toNumber(a.available) }));
  const base = { band: next.label, min: next.min, pointsNeeded: toNumber(pointsNeeded) };
  if (acc.compare(pointsNeeded) < 0) return { ...base, leavesNeeded: null, sets: [] };
  if (k === 0) return { ...base, leavesNeeded: 0, sets: [[]] };
  const greedy = available.slice(0, k);
  const sets = [greedy];
  const withoutLast = acc.sub(greedy[k - 1]!.available);
  for (const alternative of available.slice(k)) {
    if (sets.length >= maxSets || withoutLast.add(alternative.available).compare(pointsNeeded) < 0) break;
    sets.push([...greedy.slice(0, k - 1), alternative]);
  }
  return { ...base, leavesNeeded: k, sets: sets.map(out) };
}
