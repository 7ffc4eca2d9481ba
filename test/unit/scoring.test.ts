import { describe, expect, it } from 'vitest';
import { computeIndex } from '../../shared/domain/index-computation.ts';
import { toNumber } from '../../shared/domain/exact.ts';
import { scoreUnit, type UnitScoreInput } from '../../shared/domain/scoring.ts';
import { smallFramework } from './support/fixtures.ts';

// Small framework: 1.1.1 (0.5), 1.1.2 (1.5), 1.2 (1) in area 1 (3 points); 2.1 survey (2) in area 2.
const f = smallFramework();
const unit = (u: Partial<UnitScoreInput>): UnitScoreInput => ({ unitId: 'U', unitType: 'department', name: 'Đơn vị', scores: {}, ...u });

function numbers(u: UnitScoreInput) {
  const r = scoreUnit(f, u);
  return {
    achieved: toNumber(r.achieved),
    bonusTotal: toNumber(r.bonusTotal),
    penaltyTotal: toNumber(r.penaltyTotal),
    total: toNumber(r.total),
    maxApplicable: toNumber(r.maxApplicable),
    index: toNumber(r.index),
    selfTotal: toNumber(r.selfTotal),
    surveyTotal: toNumber(r.surveyTotal),
    missing: r.missing,
    areas: r.areas.map((a) => ({ code: a.code, score: toNumber(a.score), max: toNumber(a.max), index: toNumber(a.index) })),
  };
}

describe('unit result, worked by hand', () => {
  it('adds leaves, bonus and penalty, and indexes per area', () => {
    // self 0.5 + 1 + 0.5 = 2; survey 1.5; achieved 3.5; + 1 − 0.25 = 4.25; 100 × 4.25 / 5 = 85
    // area 1: 100 × 2/3 = 66.666… → 66.67; area 2: 100 × 1.5/2 = 75
    expect(numbers(unit({ scores: { '1.1.1': 0.5, '1.1.2': 1, '1.2': 0.5, '2.1': 1.5 }, adjustments: { T1: 1, P1: 0.25 } }))).toEqual({
      achieved: 3.5,
      bonusTotal: 1,
      penaltyTotal: 0.25,
      total: 4.25,
      maxApplicable: 5,
      index: 85,
      selfTotal: 2,
      surveyTotal: 1.5,
      missing: [],
      areas: [
        { code: '1', score: 2, max: 3, index: 66.67 },
        { code: '2', score: 1.5, max: 2, index: 75 },
      ],
    });
  });

  it('caps the total at maxApplicable after an exemption', () => {
    // 1.1 exempt → max 1 + 2 = 3; achieved 1 + 2 = 3; + bonus 1 = 4 → capped at 3 → index 100
    const r = numbers(unit({ scores: { '1.2': 1, '2.1': 2, '1.1.1': 0.5 }, adjustments: { T1: 1 }, notApplicable: ['1.1'] }));
    expect(r).toMatchObject({ achieved: 3, total: 3, maxApplicable: 3, index: 100, missing: [] });
    expect(r.areas).toEqual([
      { code: '1', score: 1, max: 1, index: 100 },
      { code: '2', score: 2, max: 2, index: 100 },
    ]);
  });

  it('floors the total at 0 and lists missing leaves in framework order', () => {
    const r = numbers(unit({ scores: { '1.1.1': 0.25 }, adjustments: { P1: 1 } }));
    expect(r).toMatchObject({ achieved: 0.25, penaltyTotal: 1, total: 0, index: 0, missing: ['1.1.2', '1.2', '2.1'] });
  });

  it('leaves out an area with no applicable leaf', () => {
    // area 1 exempt: only 2.1 remains; 100 × 0.75 / 2 = 37.5
    const r = numbers(unit({ scores: { '2.1': 0.75 }, notApplicable: ['1'] }));
    expect(r).toMatchObject({ maxApplicable: 2, index: 37.5 });
    expect(r.areas.map((a) => a.code)).toEqual(['2']);
  });

  it('exempts a single leaf', () => {
    // 1.1.2 exempt: max 3.5; achieved 0.5 + 1 + 2 = 3.5 → 100
    expect(numbers(unit({ scores: { '1.1.1': 0.5, '1.2': 1, '2.1': 2 }, notApplicable: ['1.1.2'] }))).toMatchObject({
      maxApplicable: 3.5,
      index: 100,
      missing: [],
    });
  });

  it('rounds the index half-up from the exact total', () => {
    // 1.1.1 exempt: max 4.5; 1.1.2 1.25 + 1.2 0.5 + 2.1 0.25 = 2 → 100 × 2/4.5 = 44.444… → 44.44
    expect(numbers(unit({ scores: { '1.1.2': 1.25, '1.2': 0.5, '2.1': 0.25 }, notApplicable: ['1.1.1'] })).index).toBe(44.44);
    // survey leaf 2.1 given as 0.01: 100 × 0.01/5 = 0.2; 100 × 0.03/5 = 0.6
    expect(numbers(unit({ scores: { '2.1': 0.03 } })).index).toBe(0.6);
    // 1.1.2: 0.25, 2.1: 0.05 → 0.3 / 5 × 100 = 6 (0.25 + 0.05 is 0.3 exactly, not 0.30000000000000004)
    expect(numbers(unit({ scores: { '1.1.2': 0.25, '2.1': 0.05 } })).total).toBe(0.3);
  });
});

describe('computeIndex', () => {
  it('ranks on the published index, ties share a rank and are listed by Vietnamese name', () => {
    const units = [
      unit({ unitId: 'A', name: 'Sở Tư pháp', scores: { '1.1.1': 0.5, '1.1.2': 1.5, '1.2': 1, '2.1': 1 } }), // 4/5 = 80
      unit({ unitId: 'B', name: 'Sở Nội vụ', scores: { '1.1.1': 0.5, '1.1.2': 1.5, '1.2': 1, '2.1': 1 } }), // 80
      unit({ unitId: 'C', name: 'Ban Dân tộc', scores: { '1.1.1': 0.5, '1.1.2': 1.5, '1.2': 1, '2.1': 2 } }), // 100
      unit({ unitId: 'D', name: 'Đài Phát thanh', scores: { '1.1.1': 0.5, '1.1.2': 1.5, '1.2': 0.5, '2.1': 1 } }), // 70
      unit({ unitId: 'E', name: 'Dân tộc', scores: { '1.1.1': 0.5, '1.1.2': 1.5, '1.2': 1, '2.1': 1 } }), // 80
    ];
    const r = computeIndex(f, units);
    expect(r.units.map((u) => [u.rank, u.name, u.index, u.band])).toEqual([
      [1, 'Ban Dân tộc', 100, 'Tốt'],
      [2, 'Dân tộc', 80, 'Khá'],
      [2, 'Sở Nội vụ', 80, 'Khá'],
      [2, 'Sở Tư pháp', 80, 'Khá'],
      [5, 'Đài Phát thanh', 70, 'Yếu'],
    ]);
    // mean (100 + 80 × 3 + 70)/5 = 82; median 80
    expect(r.stats).toEqual({ department: { count: 5, mean: 82, median: 80, min: 70, max: 100 } });
  });

  it('prints every number as a JSON number with at most 2 decimals', () => {
    const r = computeIndex(f, [unit({ scores: { '1.1.2': 1.25, '1.2': 0.5, '2.1': 0.25 }, notApplicable: ['1.1.1'] })]);
    const json = JSON.stringify(r);
    expect(json).toContain('"index":44.44');
    expect(json).not.toMatch(/\d\.\d{3,}/);
  });
});
