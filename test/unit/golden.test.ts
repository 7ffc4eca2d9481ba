/**
 * Golden tests: each reference framework with the Bến Tre units of its type (18 departments,
 * 9 districts, 157 communes), realistic generated scores and ~20,000 survey responses across the
 * province (fixed seed), run through the real `par compute` command in-process.
 *
 * Nothing here compares the engine with its own earlier output. Three units are crafted so their
 * numbers can be worked out on paper (perfect, zero, area 3 exempt with fixed answers), two more
 * are identical twins (a tie); every other number is re-derived independently: self totals,
 * totals, indexes, ranks and statistics in integer hundredths, survey leaves by a naive
 * response-by-response rational computation.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/commands/compute.ts';
import type { Framework, Leaf } from '../../shared/schemas/files/framework.ts';
import { resultsSchema, type Results, type UnitResultJson } from '../../shared/schemas/files/results.ts';
import type { UnitScoresInput } from '../../shared/schemas/files/scores-file.ts';
import {
  generateResponses,
  generateScores,
  leavesOf,
  readReference,
  type ResponseJson,
  type SurveyDefinitionJson,
} from './support/generate-inputs.ts';

const dir = mkdtempSync(join(tmpdir(), 'par-golden-'));
const registry = readReference<{ units: { id: string; type: string; name: string }[] }>('units/ben-tre-2024.json').units;

const h = (x: number) => BigInt(Math.round(x * 100)); // a ≤ 2-decimal number in integer hundredths
/** floor(a / b + 1/2) for a, b ≥ 0: half-up division in integers. */
const halfUp = (a: bigint, b: bigint) => (2n * a + b) / (2n * b);

// By hand: (A=1 + B=0.6 + D=0)/3 = 0.5333… for citizen questions; leader A=1, civil servant C=0.2
// → (1 + 0.2)/2 = 0.6 for the others. max × ratio, half-up to 0.01:
const citizenScore: Record<number, number> = { 1.5: 0.8, 2: 1.07, 2.5: 1.33, 3: 1.6, 4: 2.13, 5: 2.67 };
const staffScore: Record<number, number> = { 1.5: 0.9, 2: 1.2, 2.5: 1.5, 3: 1.8, 4: 2.4, 5: 3 };
const area3Max: Record<string, number> = { department: 20, district: 16, commune: 30 };

/**
 * Independent survey oracle: response by response, weights in tenths (A=10, B=6, C=2, D=0, E none),
 * rationals as BigInt pairs. Valid for the reference surveys, whose group weights are all 1.
 */
function naiveSurveyScore(def: SurveyDefinitionJson, unitResponses: readonly ResponseJson[], leaf: Leaf): bigint | undefined {
  const tenths: Record<string, bigint> = { A: 10n, B: 6n, C: 2n, D: 0n };
  const values: [bigint, bigint][] = []; // question values, num/den
  for (const q of def.questions.filter((x) => x.leaf === leaf.code)) {
    const means: [bigint, bigint][] = [];
    for (const g of q.groups ?? []) {
      let sum = 0n;
      let n = 0n;
      for (const r of unitResponses) {
        const w = r.group === g ? tenths[r.answers[q.id] ?? ''] : undefined;
        if (w === undefined) continue;
        sum += w;
        n++;
      }
      if (n > 0n) means.push([sum, 10n * n]);
    }
    if (means.length === 0) continue;
    let qn = 0n;
    let qd = 1n;
    for (const [m, d] of means) [qn, qd] = [qn * d + m * qd, qd * d];
    values.push([qn, qd * BigInt(means.length)]);
  }
  if (values.length === 0) return undefined;
  let rn = 0n;
  let rd = 1n;
  for (const [n, d] of values) [rn, rd] = [rn * d + n * rd, rd * d];
  return halfUp(h(leaf.maxPoints) * rn, rd * BigInt(values.length)); // max × mean of question values
}

async function compute(type: string, scores: { units: UnitScoresInput[] }, survey: unknown): Promise<Results> {
  const files = {
    framework: `reference/frameworks/${type}-2024.json`,
    scores: join(dir, `${type}.scores.json`),
    survey: join(dir, `${type}.survey.json`),
  };
  writeFileSync(files.scores, JSON.stringify(scores));
  writeFileSync(files.survey, JSON.stringify(survey));
  let out = '';
  let err = '';
  const code = await run(['--framework', files.framework, '--scores', files.scores, '--survey', files.survey], {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
  });
  expect(err).toBe('');
  expect(code).toBe(0);
  return resultsSchema.parse(JSON.parse(out));
}

describe.each([
  ['department', 18, 1957],
  ['district', 9, 978],
  ['commune', 157, 17065],
] as const)('golden: %s framework, %i units, %i responses', (type, count, responseCount) => {
  const framework = readReference<Framework>(`frameworks/${type}-2024.json`);
  const definition = readReference<SurveyDefinitionJson>(`surveys/${type}-survey-2024.json`);
  const units = registry.filter((u) => u.type === type);
  const leaves = leavesOf(framework);
  const scores = generateScores(framework, units, 2024) as { units: UnitScoresInput[] };
  const [perfect, zero, exempt, twinA, twinB] = scores.units as [
    UnitScoresInput,
    UnitScoresInput,
    UnitScoresInput,
    UnitScoresInput,
    UnitScoresInput,
  ];
  const selfMax = Object.fromEntries(leaves.filter((l) => l.method === 'self').map((l) => [l.code, l.maxPoints]));
  Object.assign(perfect, { scores: selfMax, adjustments: { T1: 1 }, notApplicable: [] });
  Object.assign(zero, { scores: Object.fromEntries(Object.keys(selfMax).map((c) => [c, 0])), adjustments: { P2: 2 }, notApplicable: [] });
  Object.assign(exempt, { scores: selfMax, adjustments: {}, notApplicable: ['3'] });
  Object.assign(twinB, {
    scores: { ...twinA.scores },
    adjustments: { ...twinA.adjustments },
    notApplicable: [...(twinA.notApplicable ?? [])],
  });

  const crafted = new Set([perfect.unitId, zero.unitId, exempt.unitId, twinB.unitId]);
  const generated = generateResponses(definition, units, responseCount, 7).filter((r) => !crafted.has(r.unitId));
  const answerAll = (unitId: string, group: string, answer: string): ResponseJson => ({
    unitId,
    group,
    answers: Object.fromEntries(definition.questions.filter((q) => q.groups?.includes(group)).map((q) => [q.id, answer])),
  });
  const responses: ResponseJson[] = [
    ...generated,
    ...['leader', 'civil-servant', 'citizen'].map((g) => answerAll(perfect.unitId, g, 'A')),
    ...['leader', 'civil-servant', 'citizen'].map((g) => answerAll(zero.unitId, g, 'D')),
    answerAll(exempt.unitId, 'leader', 'A'),
    answerAll(exempt.unitId, 'civil-servant', 'C'),
    ...['A', 'B', 'D', 'E'].map((a) => answerAll(exempt.unitId, 'citizen', a)),
    ...generated.filter((r) => r.unitId === twinA.unitId).map((r) => ({ ...r, unitId: twinB.unitId })),
  ];

  let results: Results;
  const byId = () => new Map(results.units.map((u) => [u.unitId, u]));
  const unit = (id: string) => byId().get(id) as UnitResultJson;

  it('computes every unit with the framework id and the statistics count', async () => {
    results = await compute(type, scores, { ...definition, responses });
    expect(results.frameworkId).toBe(`${type}-2024`);
    expect(results.units).toHaveLength(count);
    expect(results.stats[type]?.count).toBe(count);
  });

  it('a perfect unit: every point, bonus capped → index 100, rank 1, top band', () => {
    expect(unit(perfect.unitId)).toMatchObject({
      achieved: 100,
      bonusTotal: 1,
      total: 100,
      maxApplicable: 100,
      index: 100,
      rank: 1,
      band: framework.bands[0]?.label,
      missing: [],
    });
    expect(unit(perfect.unitId).areas.every((a) => a.index === 100 && a.score === a.max)).toBe(true);
  });

  it('a zero unit: every answer D, a penalty → floored at 0, last rank, bottom band, nothing missing', () => {
    expect(unit(zero.unitId)).toMatchObject({
      achieved: 0,
      penaltyTotal: 2,
      total: 0,
      index: 0,
      rank: count,
      band: framework.bands.at(-1)?.label,
      missing: [],
    });
  });

  it('area 3 exempt, fixed answers: survey leaves by the hand table, index by hand', () => {
    const u = unit(exempt.unitId);
    expect(u.maxApplicable).toBe(100 - (area3Max[type] ?? NaN));
    expect(u.areas.map((a) => a.code)).not.toContain('3');
    let expected = 0n;
    for (const l of leaves.filter((x) => !x.code.startsWith('3.'))) {
      if (l.method === 'self') expected += h(l.maxPoints);
      else {
        const q = definition.questions.find((x) => x.leaf === l.code);
        expected += h((q?.groups?.includes('citizen') ? citizenScore : staffScore)[l.maxPoints] ?? NaN);
      }
    }
    expect(h(u.achieved)).toBe(expected);
    expect(h(u.index)).toBe(halfUp(expected * 10000n, h(u.maxApplicable)));
  });

  it('identical twins share a rank and are listed by Vietnamese name', () => {
    const a = unit(twinA.unitId);
    const b = unit(twinB.unitId);
    expect(a.index).toBe(b.index);
    expect(a.rank).toBe(b.rank);
    const order = results.units.map((x) => x.unitId);
    const first = new Intl.Collator('vi').compare(a.name, b.name) <= 0 ? a : b;
    expect(order.indexOf(first.unitId)).toBeLessThan(order.indexOf((first === a ? b : a).unitId));
  });

  it('every unit: totals, caps, indexes and survey leaves agree with an independent re-computation', () => {
    expect(Object.values(definition.groupWeights ?? {}).every((w) => w === 1)).toBe(true); // the oracle's assumption
    const byUnit = new Map<string, ResponseJson[]>();
    for (const r of responses) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
    const naive = (unitId: string, l: Leaf) => naiveSurveyScore(definition, byUnit.get(unitId) ?? [], l);
    for (const input of scores.units) {
      const u = unit(input.unitId);
      const exempted = (code: string) => (input.notApplicable ?? []).some((c) => code === c || code.startsWith(`${c}.`));
      const applicable = leaves.filter((l) => !exempted(l.code));
      const self = applicable.filter((l) => l.method === 'self').reduce((s, l) => s + h(input.scores[l.code] ?? 0), 0n);
      const survey = applicable.filter((l) => l.method === 'survey').reduce((s, l) => s + (naive(input.unitId, l) ?? 0n), 0n);
      const max = applicable.reduce((s, l) => s + h(l.maxPoints), 0n);
      const adj = (kind: string) =>
        framework.adjustments.filter((a) => a.kind === kind).reduce((s, a) => s + h(input.adjustments?.[a.code] ?? 0), 0n);
      let total = self + survey + adj('bonus') - adj('penalty');
      total = total < 0n ? 0n : total > max ? max : total;
      expect([h(u.selfTotal), h(u.surveyTotal), h(u.maxApplicable), h(u.total)]).toEqual([self, survey, max, total]);
      expect(h(u.index)).toBe(halfUp(total * 10000n, max));
      const band = framework.bands.find((b) => u.index >= b.min);
      expect(u.band).toBe(band?.label);
      const missingSelf = applicable.filter((l) => l.method === 'self' && input.scores[l.code] === undefined).map((l) => l.code);
      const missingSurvey = applicable.filter((l) => l.method === 'survey' && naive(input.unitId, l) === undefined);
      expect([...u.missing].sort()).toEqual([...missingSelf, ...missingSurvey.map((l) => l.code)].sort());
    }
  });

  it('ranks and statistics agree with the published indexes', () => {
    const indexes = results.units.map((u) => h(u.index));
    for (const u of results.units) expect(u.rank).toBe(1 + results.units.filter((v) => v.index > u.index).length);
    const sorted = [...indexes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const n = BigInt(count);
    const mid = sorted.length >> 1;
    const median = count % 2 ? (sorted[mid] ?? 0n) : halfUp((sorted[mid - 1] ?? 0n) + (sorted[mid] ?? 0n), 2n);
    const s = results.stats[type];
    expect(s && [h(s.mean), h(s.median), h(s.min), h(s.max)]).toEqual([
      halfUp(
        indexes.reduce((a, b) => a + b, 0n),
        n,
      ),
      median,
      sorted[0],
      sorted.at(-1),
    ]);
    // a realistic spread, not a degenerate input
    expect(new Set(indexes).size).toBeGreaterThan(Math.min(count - 3, 8));
  });
});
