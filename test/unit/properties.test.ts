/**
 * Invariants of the computation (issue 3), checked on random frameworks, scores and surveys.
 * Each property compares the engine with an independent statement of the rule, or with itself on
 * an input that must not change the answer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeIndex } from '../../shared/domain/index-computation.ts';
import { toNumber } from '../../shared/domain/exact.ts';
import { scoreUnit, type UnitScoreInput } from '../../shared/domain/scoring.ts';
import type { Framework } from '../../shared/schemas/files/framework.ts';
import { framework, surveySource } from './support/fixtures.ts';

interface LeafSpec {
  quarters: number; // maxPoints = quarters / 4
  survey: boolean;
}
type ItemSpec = LeafSpec | LeafSpec[]; // a leaf, or a criterion with leaves

const leafSpec = fc.record({ quarters: fc.integer({ min: 1, max: 16 }), survey: fc.boolean() });
const itemSpec: fc.Arbitrary<ItemSpec> = fc.oneof(leafSpec, fc.array(leafSpec, { minLength: 1, maxLength: 3 }));
const frameworkSpec = fc.array(fc.array(itemSpec, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 });

type Json = Record<string, unknown> & { code: string; maxPoints: number; items?: Json[] };

const leafJson = (code: string, l: LeafSpec): Json => ({
  code,
  name: `Tiêu chí ${code}`,
  maxPoints: l.quarters / 4,
  method: l.survey ? 'survey' : 'self',
  ...(l.survey ? {} : { rule: { kind: 'manual' } }),
});

const group = (code: string, items: Json[]): Json => ({
  code,
  name: `Nhóm ${code}`,
  maxPoints: items.reduce((s, i) => s + i.maxPoints * 4, 0) / 4, // quarters: exact in binary
  items,
});

function buildFramework(spec: ItemSpec[][]): Record<string, unknown> {
  const areas = spec.map((items, a) =>
    group(
      `${a + 1}`,
      items.map((it, i) =>
        Array.isArray(it)
          ? group(
              `${a + 1}.${i + 1}`,
              it.map((l, k) => leafJson(`${a + 1}.${i + 1}.${k + 1}`, l)),
            )
          : leafJson(`${a + 1}.${i + 1}`, it),
      ),
    ),
  );
  return {
    id: 'prop',
    name: 'Bộ chỉ số ngẫu nhiên',
    unitType: 'commune',
    maxTotal: areas.reduce((s, a) => s + a.maxPoints * 4, 0) / 4,
    areas,
    adjustments: [
      { code: 'T1', kind: 'bonus', name: 'Thưởng', maxPoints: 2 },
      { code: 'P1', kind: 'penalty', name: 'Trừ', maxPoints: 3 },
    ],
    bands: [
      { label: 'Tốt', min: 85 },
      { label: 'Khá', min: 70 },
      { label: 'Yếu', min: 0 },
    ],
  };
}

/** The framework without the subtree `code`, parents' maxima reduced, emptied parents removed. */
function without(json: Record<string, unknown>, code: string): Record<string, unknown> {
  const prune = (nodes: Json[]): Json[] =>
    nodes.flatMap((n) => {
      if (n.code === code) return [];
      if (!n.items) return [n];
      const items = prune(n.items);
      return items.length === 0 ? [] : [group(n.code, items)];
    });
  const areas = prune(json.areas as Json[]);
  return { ...json, areas, maxTotal: areas.reduce((s, a) => s + a.maxPoints * 4, 0) / 4 };
}

const leafList = (f: Framework) => {
  const out: { code: string; quarters: number; survey: boolean }[] = [];
  const visit = (n: Json) =>
    n.items ? n.items.forEach(visit) : out.push({ code: n.code, quarters: n.maxPoints * 4, survey: n.method === 'survey' });
  (f.areas as unknown as Json[]).forEach(visit);
  return out;
};

/** A unit's scores: quarter points for self leaves, hundredths for survey leaves; some left out. */
function unitArb(f: Framework, id: string): fc.Arbitrary<UnitScoreInput> {
  const entries = leafList(f).map((l) =>
    fc
      .option(
        l.survey
          ? fc.integer({ min: 0, max: l.quarters * 25 }).map((h) => h / 100)
          : fc.integer({ min: 0, max: l.quarters }).map((q) => q / 4),
        {
          nil: undefined,
          freq: 5,
        },
      )
      .map((v) => [l.code, v] as const),
  );
  return fc
    .record({
      scores: fc.tuple(...entries),
      T1: fc.option(
        fc.integer({ min: 0, max: 8 }).map((q) => q / 4),
        { nil: undefined },
      ),
      P1: fc.option(
        fc.integer({ min: 0, max: 300 }).map((h) => h / 100),
        { nil: undefined },
      ),
      name: fc.constantFrom('Xã An Hiệp', 'Xã Ân Thạnh', 'Phường 1', 'Xã Đông Hòa', 'Xã Dương Hòa'),
    })
    .map(({ scores, T1, P1, name }) => ({
      unitId: id,
      unitType: 'commune' as const,
      name,
      scores: Object.fromEntries(scores.filter(([, v]) => v !== undefined)) as Record<string, number>,
      adjustments: { ...(T1 === undefined ? {} : { T1 }), ...(P1 === undefined ? {} : { P1 }) },
    }));
}

const withUnits = (n: { min: number; max: number }) =>
  frameworkSpec.chain((spec) => {
    const json = buildFramework(spec);
    const f = framework(json);
    return fc
      .integer(n)
      .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => unitArb(f, `U${i}`))))
      .map((units) => ({ json, f, units }));
  });

const hundredths = (x: number) => Math.round(x * 100); // x has ≤ 2 decimals: exact as an integer

describe('properties of the computation', () => {
  it('achieved = sum of the leaf scores = self + survey = sum of the area scores', () => {
    fc.assert(
      fc.property(withUnits({ min: 1, max: 1 }), ({ f, units: [u] }) => {
        const r = scoreUnit(f, u as UnitScoreInput);
        const expected = Object.values((u as UnitScoreInput).scores).reduce((s, v) => s + hundredths(v), 0);
        expect(hundredths(toNumber(r.achieved))).toBe(expected);
        expect(r.selfTotal.add(r.surveyTotal).equals(r.achieved)).toBe(true);
        expect(r.areas.reduce((s, a) => s.add(a.score), r.achieved.sub(r.achieved)).equals(r.achieved)).toBe(true);
      }),
    );
  });

  it('the index lies in [0, 100] and is 100 × total / max rounded half-up', () => {
    fc.assert(
      fc.property(withUnits({ min: 1, max: 1 }), ({ f, units: [u] }) => {
        const r = scoreUnit(f, u as UnitScoreInput);
        const index = toNumber(r.index);
        expect(index).toBeGreaterThanOrEqual(0);
        expect(index).toBeLessThanOrEqual(100);
        // independent check in integers: total and max are whole hundredths
        const t = BigInt(hundredths(toNumber(r.total)));
        const m = BigInt(hundredths(toNumber(r.maxApplicable)));
        const indexHundredths = (2n * 10000n * t + m) / (2n * m); // floor(10000 t / m + 1/2)
        expect(BigInt(hundredths(index))).toBe(indexHundredths);
      }),
    );
  });

  it('shuffling the units changes no number', () => {
    fc.assert(
      fc.property(
        withUnits({ min: 2, max: 8 }).chain((x) =>
          fc.shuffledSubarray(x.units, { minLength: x.units.length }).map((shuffled) => ({ ...x, shuffled })),
        ),
        ({ f, units, shuffled }) => {
          expect(computeIndex(f, shuffled)).toEqual(computeIndex(f, units));
        },
      ),
    );
  });

  it("raising one leaf's score never lowers its unit's index", () => {
    fc.assert(
      fc.property(withUnits({ min: 1, max: 1 }), fc.nat(), fc.nat(), ({ f, units: [u] }, pick, step) => {
        const unit = u as UnitScoreInput;
        const leaves = leafList(f);
        const leaf = leaves[pick % leaves.length] as (typeof leaves)[number];
        const unitStep = leaf.survey ? 0.01 : 0.25;
        const units = Math.round(leaf.quarters * (leaf.survey ? 25 : 1));
        const before = unit.scores[leaf.code] ?? 0;
        const raised = Math.min(units, Math.round(before / unitStep) + (step % 5)) * unitStep;
        const higher = { ...unit, scores: { ...unit.scores, [leaf.code]: Number(raised.toFixed(2)) } };
        expect(scoreUnit(f, higher).index.compare(scoreUnit(f, unit).index)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('exempting a code equals removing it from the framework', () => {
    fc.assert(
      fc.property(withUnits({ min: 1, max: 1 }), fc.nat(), ({ json, f, units: [u] }, pick) => {
        const codes = [...f.areas.map((a) => a.code), ...leafList(f).map((l) => l.code)];
        const code = codes[pick % codes.length] as string;
        const reduced = without(json, code);
        fc.pre((reduced.areas as unknown[]).length > 0);
        const unit = u as UnitScoreInput;
        const exempted = scoreUnit(f, { ...unit, notApplicable: [code] });
        const removed = scoreUnit(framework(reduced), unit);
        expect(exempted).toEqual(removed);
      }),
    );
  });

  it('ranks agree with indexes: rank = 1 + number of units with a higher index', () => {
    fc.assert(
      fc.property(withUnits({ min: 1, max: 10 }), ({ f, units }) => {
        const r = computeIndex(f, units);
        for (const u of r.units) expect(u.rank).toBe(1 + r.units.filter((v) => v.index > u.index).length);
        r.units.forEach((u, i) => i > 0 && expect(u.index).toBeLessThanOrEqual((r.units[i - 1] as (typeof r.units)[number]).index));
      }),
    );
  });
});

describe('properties of the survey aggregation', () => {
  const groups = ['leader', 'civil-servant', 'citizen'] as const;
  const surveyCase = frameworkSpec
    .map((spec) => framework(buildFramework(spec)))
    .filter((f) => leafList(f).some((l) => l.survey))
    .chain((f) => {
      const surveyLeaves = leafList(f).filter((l) => l.survey);
      const questions = fc.tuple(
        ...surveyLeaves.map((l, i) =>
          fc.record({ id: fc.constant(`Q${i}`), leaf: fc.constant(l.code), groups: fc.subarray([...groups], { minLength: 1 }) }),
        ),
      );
      const answer = fc.constantFrom('A', 'B', 'C', 'D', 'E', null);
      const response = fc.record({
        unitId: fc.constantFrom('U0', 'U1'),
        group: fc.constantFrom(...groups),
        answers: fc.dictionary(fc.constantFrom(...surveyLeaves.map((_, i) => `Q${i}`)), answer),
      });
      return fc.record({
        f: fc.constant(f),
        questions,
        weights: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })),
        responses: fc.array(response, { maxLength: 40 }),
      });
    });

  const results = (f: Framework, questions: unknown[], weights: readonly number[], responses: unknown[]) => {
    const definition = {
      options: { A: 1, B: 0.6, C: 0.2, D: 0, E: null },
      groupWeights: Object.fromEntries(groups.map((g, i) => [g, weights[i]])),
      questions,
    };
    const { source } = surveySource(f, definition, responses);
    const units = ['U0', 'U1'].map((id) => ({ unitId: id, unitType: 'commune' as const, name: id, scores: {} }));
    return computeIndex(f, units, source);
  };

  it('duplicating every response changes no score', () => {
    fc.assert(
      fc.property(surveyCase, ({ f, questions, weights, responses }) => {
        expect(results(f, questions, weights, [...responses, ...responses])).toEqual(results(f, questions, weights, responses));
      }),
    );
  });

  it('multiplying every group weight by a constant changes nothing', () => {
    fc.assert(
      fc.property(surveyCase, fc.constantFrom(0.5, 2, 3.25, 10, 0.01), ({ f, questions, weights, responses }, c) => {
        const scaled = weights.map((w) => Number((w * c).toFixed(4)));
        expect(results(f, questions, scaled, responses)).toEqual(results(f, questions, weights, responses));
      }),
    );
  });

  it('a survey leaf score stays within [0, max] and is missing exactly when no valid answer exists', () => {
    fc.assert(
      fc.property(surveyCase, ({ f, questions, weights, responses }) => {
        const r = results(f, questions, weights, responses);
        for (const u of r.units) {
          const valid = (code: string) =>
            questions.some(
              (q) =>
                q.leaf === code &&
                responses.some(
                  (resp) =>
                    resp.unitId === u.unitId && q.groups.includes(resp.group) && ['A', 'B', 'C', 'D'].includes(resp.answers[q.id] ?? ''),
                ),
            );
          for (const l of leafList(f).filter((x) => x.survey)) expect(u.missing.includes(l.code)).toBe(!valid(l.code));
          expect(u.surveyTotal).toBeLessThanOrEqual(u.maxApplicable);
        }
      }),
    );
  });
});
