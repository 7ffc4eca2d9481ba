/**
 * Survey leaf scores, DESIGN §3.4 step 1:
 *   group mean     = mean weight of a unit's valid answers to a question within one group
 *                    (an answer whose weight is null, "no opinion", is left out);
 *   question value = group means averaged with `groupWeights` over the groups with a valid answer;
 *   leaf ratio     = mean of the leaf's question values (questions with no valid answer left out);
 *   leaf score     = max × ratio, rounded half-up to 0.01; no valid answer at all → 0, "missing".
 *
 * Why a tally: a national run has a million responses. Each answer only increments an integer
 * counter per (unit, group, question, option); the exact rationals are built afterwards, once per
 * (unit, group, question), from counts × option weights. Counting is exact and O(1) per answer,
 * and the result is the same as summing weights response by response.
 */
import type { Framework, Leaf } from '../schemas/files/framework.ts';
import { fieldErrors, formatPath, type FieldError } from '../schemas/issues.ts';
import { surveyResponseSchema, type SurveyDefinition, type SurveyResponse } from '../schemas/files/survey-file.ts';
import { fromInteger, fromNumber, ONE, roundHalfUp, ZERO, type Exact } from './exact.ts';
import { findLeaf } from './framework.ts';
import Fraction from 'fraction.js';

interface CompiledQuestion {
  id: string;
  leaf: string;
  groups: ReadonlySet<string> | undefined;
  /** answer key → option index */
  optionIndex: Map<string, number>;
  /** option weight numerators over `denominator`; null = no opinion */
  numerators: (bigint | null)[];
  denominator: bigint;
  /** where this question's option counters start in a group's counter array */
  offset: number;
}

export interface CompiledSurvey {
  questions: CompiledQuestion[];
  questionById: Map<string, CompiledQuestion>;
  questionsByLeaf: Map<string, CompiledQuestion[]>;
  groupWeights: Map<string, Exact>;
  /** length of a (unit, group) counter array: the sum of every question's option count */
  counters: number;
}

/** Counters per unit, then per respondent group. */
export type SurveyTally = Map<string, Map<string, Uint32Array>>;

export interface LeafSurveyScore {
  score: Exact;
  /** true when no valid answer exists for any question of the leaf */
  missing: boolean;
}

const lcm = (a: bigint, b: bigint): bigint => {
  let x = a;
  let y = b;
  while (y) [x, y] = [y, x % y];
  return (a / x) * b;
};

/** Check a survey definition against its framework and prepare it for counting. */
export function compileSurvey(
  definition: SurveyDefinition,
  framework: Framework,
): { ok: true; survey: CompiledSurvey } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (definition.frameworkId !== undefined && definition.frameworkId !== framework.id)
    errors.push({ path: 'frameworkId', message: `the survey is for framework "${definition.frameworkId}", not "${framework.id}"` });
  const survey: CompiledSurvey = {
    questions: [],
    questionById: new Map(),
    questionsByLeaf: new Map(),
    groupWeights: new Map(),
    counters: 0,
  };
  for (const [g, w] of Object.entries(definition.groupWeights)) survey.groupWeights.set(g, fromNumber(w));

  definition.questions.forEach((q, i) => {
    const entry = findLeaf(framework, q.leaf);
    if (!entry) errors.push({ path: `questions[${i}].leaf`, message: `"${q.leaf}" is not a leaf of framework ${framework.id}` });
    else if (entry.leaf.method !== 'survey')
      errors.push({ path: `questions[${i}].leaf`, message: `leaf ${q.leaf} is self-assessed; only survey leaves take questions` });
    if (survey.questionById.has(q.id)) errors.push({ path: `questions[${i}].id`, message: `duplicate question id "${q.id}"` });
    const options = Object.entries(q.options ?? definition.options);
    const weights = options.map(([, w]) => (w === null ? null : fromNumber(w)));
    const denominator = weights.reduce<bigint>((d, w) => (w ? lcm(d, w.d) : d), 1n);
    const compiled: CompiledQuestion = {
      id: q.id,
      leaf: q.leaf,
      groups: q.groups ? new Set(q.groups) : undefined,
      optionIndex: new Map(options.map(([key], k) => [key, k])),
      numerators: weights.map((w) => (w ? w.n * (denominator / w.d) : null)),
      denominator,
      offset: survey.counters,
    };
    survey.counters += options.length;
    survey.questions.push(compiled);
    survey.questionById.set(q.id, compiled);
    survey.questionsByLeaf.set(q.leaf, [...(survey.questionsByLeaf.get(q.leaf) ?? []), compiled]);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, survey };
}

export interface TallyResult {
  tally: SurveyTally;
  /** invalid responses: path (`responses[12].answers["Q7"]`) and rule; counting stops at `maxErrors` */
  errors: FieldError[];
  errorCount: number;
  /** answers to a question not asked of the respondent's group: left out, counted here */
  outOfGroup: number;
}

/**
 * Count the answers of every response. Each response is checked (shape, known unit, known
 * question, answer among the question's options); invalid ones are reported and not counted.
 */
export function tallyResponses(
  survey: CompiledSurvey,
  responses: Iterable<unknown>,
  options: { knownUnits?: ReadonlySet<string>; maxErrors?: number } = {},
): TallyResult {
  const maxErrors = options.maxErrors ?? 50;
  const hits: number[] = [];
  const result: TallyResult = { tally: new Map(), errors: [], errorCount: 0, outOfGroup: 0 };
  const fail = (e: FieldError) => {
    result.errorCount++;
    if (result.errors.length < maxErrors) result.errors.push(e);
  };
  let i = -1;
  for (const raw of responses) {
    i++;
    let r = asResponse(raw);
    if (!r) {
      const parsed = surveyResponseSchema.safeParse(raw);
      if (!parsed.success) {
        for (const e of fieldErrors(parsed.error.issues, raw, undefined, ['responses', i])) fail(e);
        continue;
      }
      r = parsed.data;
    }
    if (options.knownUnits && !options.knownUnits.has(r.unitId)) {
      fail({ path: `responses[${i}].unitId`, message: `unit "${r.unitId}" is not in the scores file` });
      continue;
    }
    // Resolve every answer first, so a response with one bad answer counts nothing at all.
    hits.length = 0;
    let bad = false;
    for (const qid in r.answers) {
      const answer = r.answers[qid];
      const q = survey.questionById.get(qid);
      if (!q) {
        fail({ path: formatPath(['responses', i, 'answers', qid]), message: `unknown question "${qid}"` });
        bad = true;
        continue;
      }
      if (answer === null || answer === '' || answer === undefined) continue;
      const k = q.optionIndex.get(typeof answer === 'string' ? answer : String(answer));
      if (k === undefined) {
        const message = `answer ${JSON.stringify(answer)} is not one of the options ${[...q.optionIndex.keys()].join(', ')}`;
        fail({ path: formatPath(['responses', i, 'answers', qid]), message });
        bad = true;
        continue;
      }
      if (q.groups && !q.groups.has(r.group)) {
        result.outOfGroup++;
        continue;
      }
      hits.push(q.offset + k);
    }
    if (bad || hits.length === 0) continue;
    let groups = result.tally.get(r.unitId);
    if (!groups) result.tally.set(r.unitId, (groups = new Map()));
    let counts = groups.get(r.group);
    if (!counts) groups.set(r.group, (counts = new Uint32Array(survey.counters)));
    for (const h of hits) counts[h] = (counts[h] ?? 0) + 1;
  }
  return result;
}

const isPlain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Fast path for a million responses: the same acceptance as `surveyResponseSchema` without
 * zod's copy of every object. Anything it does not accept goes through zod for the message.
 */
function asResponse(raw: unknown): SurveyResponse | undefined {
  if (!isPlain(raw)) return undefined;
  const { unitId, group, answers, respondentId } = raw;
  if (typeof unitId !== 'string' || unitId === '' || typeof group !== 'string' || group === '') return undefined;
  if (respondentId !== undefined && typeof respondentId !== 'string') return undefined;
  if (!isPlain(answers)) return undefined;
  for (const k in answers) {
    const a = answers[k];
    if (a !== null && typeof a !== 'string' && !(typeof a === 'number' && Number.isFinite(a))) return undefined;
  }
  return raw as SurveyResponse;
}

/** The mean weight of one group's valid answers to a question, or undefined when there are none. */
function groupMean(q: CompiledQuestion, counts: Uint32Array): Exact | undefined {
  let valid = 0n;
  let weighted = 0n;
  q.numerators.forEach((num, k) => {
    const c = BigInt(counts[q.offset + k] ?? 0);
    if (num === null || c === 0n) return;
    valid += c;
    weighted += c * num;
  });
  return valid === 0n ? undefined : new Fraction(weighted, q.denominator * valid);
}

/** The question value: group means averaged with the group weights, or undefined (no valid answer). */
function questionValue(survey: CompiledSurvey, q: CompiledQuestion, groups: Map<string, Uint32Array>): Exact | undefined {
  let weightedSum = ZERO;
  let weightTotal = ZERO;
  for (const [group, counts] of groups) {
    const mean = groupMean(q, counts);
    if (mean === undefined) continue;
    const w = survey.groupWeights.get(group) ?? ONE;
    weightedSum = weightedSum.add(mean.mul(w));
    weightTotal = weightTotal.add(w);
  }
  return weightTotal.equals(ZERO) ? undefined : weightedSum.div(weightTotal);
}

/** A survey leaf's score for one unit (§3.4 step 1). */
export function surveyLeafScore(survey: CompiledSurvey, tally: SurveyTally, unitId: string, leaf: Leaf): LeafSurveyScore {
  const groups = tally.get(unitId);
  const values: Exact[] = [];
  if (groups) {
    for (const q of survey.questionsByLeaf.get(leaf.code) ?? []) {
      const v = questionValue(survey, q, groups);
      if (v !== undefined) values.push(v);
    }
  }
  if (values.length === 0) return { score: ZERO, missing: true };
  const ratio = values.reduce((a, b) => a.add(b), ZERO).div(fromInteger(values.length));
  return { score: roundHalfUp(fromNumber(leaf.maxPoints).mul(ratio), 2), missing: false };
}
