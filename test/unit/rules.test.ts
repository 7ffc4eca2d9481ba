import { describe, expect, it } from 'vitest';
import { checkAdjustment, checkSelfScore, checkSurveyScore, matchesRule, suggestedScore } from '../../shared/domain/rules.ts';
import type { Leaf } from '../../shared/schemas/files/framework.ts';

const tiers: Leaf = {
  code: '1.1.2',
  name: 'Mức độ hoàn thành kế hoạch CCHC năm',
  maxPoints: 1.5,
  method: 'self',
  rule: {
    kind: 'tiers',
    figure: 'Mức độ hoàn thành kế hoạch (%)',
    tiers: [
      { min: 100, points: 1.5 },
      { min: 80, points: 1 },
      { min: 60, points: 0.5 },
    ],
  },
};
// The same tiers listed lowest first: "the highest tier the figure reaches" does not depend on order.
const tiersAscending: Leaf = {
  ...tiers,
  rule: {
    kind: 'tiers',
    figure: '%',
    tiers: [
      { min: 60, points: 0.5 },
      { min: 80, points: 1 },
      { min: 100, points: 1.5 },
    ],
  },
};
const yesNo: Leaf = { code: '1.1.1', name: 'Ban hành kế hoạch', maxPoints: 0.5, method: 'self', rule: { kind: 'boolean' } };
const manual: Leaf = { code: '1.5', name: 'Sáng kiến', maxPoints: 2, method: 'self', rule: { kind: 'manual', step: 0.5 } };
const manualDefault: Leaf = { code: '1.6', name: 'Khác', maxPoints: 1, method: 'self', rule: { kind: 'manual' } };
const survey: Leaf = { code: '3.5.1', name: 'Công khai TTHC', maxPoints: 2.5, method: 'survey' };

describe('suggested score from a declared figure', () => {
  it.each([
    [100, 1.5],
    [120, 1.5],
    [99.99, 1],
    [80, 1],
    [79.9, 0.5],
    [60, 0.5],
    [59.99, 0],
    [0, 0],
    [-5, 0],
  ])('tiers: figure %s → %s', (figure, expected) => {
    expect(suggestedScore(tiers, figure)).toBe(expected);
    expect(suggestedScore(tiersAscending, figure)).toBe(expected);
  });

  it('compares the figure exactly: 80.00000000000001 reaches 80, 79.99999999999999 does not', () => {
    expect(suggestedScore(tiers, 80.00000000000001)).toBe(1);
    expect(suggestedScore(tiers, 79.99999999999999)).toBe(0.5);
  });

  it('boolean: all or nothing', () => {
    expect(suggestedScore(yesNo, true)).toBe(0.5);
    expect(suggestedScore(yesNo, false)).toBe(0);
  });

  it('suggests nothing for manual and survey leaves, or a figure of the wrong kind', () => {
    expect(suggestedScore(manual, 3)).toBeUndefined();
    expect(suggestedScore(survey, 90)).toBeUndefined();
    expect(suggestedScore(tiers, true)).toBeUndefined();
    expect(suggestedScore(yesNo, 1)).toBeUndefined();
    expect(suggestedScore(tiers, NaN)).toBeUndefined();
  });

  it('flags a score that differs from its own figure', () => {
    expect(matchesRule(tiers, 85, 1)).toBe(true);
    expect(matchesRule(tiers, 85, 1.5)).toBe(false);
    expect(matchesRule(yesNo, false, 0.5)).toBe(false);
    expect(matchesRule(manual, 3, 1)).toBeUndefined();
    expect(matchesRule(tiers, undefined, 1)).toBeUndefined();
  });
});

describe('self score validation', () => {
  const ok = (leaf: Leaf, v: unknown) => checkSelfScore(leaf, v).ok;
  const message = (leaf: Leaf, v: unknown) => {
    const r = checkSelfScore(leaf, v);
    return r.ok ? undefined : r.message;
  };

  it('accepts multiples of 0.25 from 0 to the maximum', () => {
    for (const v of [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5]) expect(ok(tiers, v)).toBe(true);
    expect(ok(manualDefault, 0.75)).toBe(true);
  });

  it('names the rule that a bad score breaks', () => {
    expect(message(tiers, 1.3)).toBe('1.3 is not a multiple of 0.25');
    expect(message(tiers, 1.75)).toBe('1.75 is above the maximum 1.5');
    expect(message(tiers, -0.25)).toBe('-0.25 is negative: scores of leaf 1.1.2 go from 0 to 1.5');
    expect(message(tiers, '1')).toBe('must be a number, got the string "1"');
    expect(message(tiers, null)).toBe('must be a number, got null');
    expect(message(tiers, Infinity)).toBe('must be a finite number, got Infinity');
    expect(message(tiers, NaN)).toBe('must be a finite number, got NaN');
    expect(message(manual, 1.25)).toBe("1.25 is not a multiple of the leaf's step 0.5");
    expect(message(tiers, 0.30000000000000004)).toBe('0.30000000000000004 is not a multiple of 0.25');
  });

  it('normalises -0 to 0', () => {
    const r = checkSelfScore(tiers, -0);
    expect(r.ok && r.value.s).toBe(1n);
  });

  it('survey scores given directly: at most 2 decimals, within the maximum', () => {
    expect(checkSurveyScore(survey, 2.37).ok).toBe(true);
    expect(checkSurveyScore(survey, 2.5).ok).toBe(true);
    const three = checkSurveyScore(survey, 2.375);
    expect(three.ok ? '' : three.message).toBe('2.375 has more than 2 decimals');
    const over = checkSurveyScore(survey, 2.51);
    expect(over.ok ? '' : over.message).toBe('2.51 is above the maximum 2.5');
  });

  it('adjustments: in [0, their max]', () => {
    const p1 = { code: 'P1', maxPoints: 1 };
    expect(checkAdjustment(p1, 1).ok).toBe(true);
    expect(checkAdjustment(p1, 0.1).ok).toBe(true);
    const over = checkAdjustment(p1, 1.5);
    expect(over.ok ? '' : over.message).toBe('1.5 is above the maximum 1 of adjustment P1');
    const neg = checkAdjustment(p1, -1);
    expect(neg.ok ? '' : neg.message).toBe('-1 is negative: adjustments go from 0 to 1');
  });
});
