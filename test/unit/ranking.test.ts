import { describe, expect, it } from 'vitest';
import { fromDecimalString, toNumber } from '../../shared/domain/exact.ts';
import { bandOf, rankUnits, statistics, statisticsByType } from '../../shared/domain/ranking.ts';

const at = (unitId: string, name: string, index: string, unitType = 'commune') => ({
  unitId,
  name,
  unitType,
  index: fromDecimalString(index),
});

describe('rank', () => {
  it('gives equal indexes the same rank and skips after them (1, 2, 2, 4)', () => {
    const ranked = rankUnits([at('a', 'Xã A', '70'), at('b', 'Xã B', '91.5'), at('c', 'Xã C', '85.25'), at('d', 'Xã D', '85.25')]);
    expect(ranked.map((u) => [u.unitId, u.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['d', 2],
      ['a', 4],
    ]);
  });

  it('lists equals in Vietnamese collation: D before Đ, a before ă before â, tones in order', () => {
    const names = ['Xã Đông Hòa', 'Xã Dương Hòa', 'Xã Ân Thạnh', 'Xã Ăn Hòa', 'Xã An Thủy', 'Xã Ấp Bắc', 'Xã Bình Đông'];
    const ranked = rankUnits(names.map((n, i) => at(`u${i}`, n, '80')));
    expect(ranked.map((u) => u.name)).toEqual([
      'Xã An Thủy',
      'Xã Ăn Hòa',
      'Xã Ân Thạnh',
      'Xã Ấp Bắc',
      'Xã Bình Đông',
      'Xã Dương Hòa',
      'Xã Đông Hòa',
    ]);
    expect(new Set(ranked.map((u) => u.rank))).toEqual(new Set([1]));
  });

  it('breaks a tie of equal names by unit id, so input order never matters', () => {
    const a = rankUnits([at('X2', 'Xã An Hiệp', '80'), at('X1', 'Xã An Hiệp', '80')]);
    const b = rankUnits([at('X1', 'Xã An Hiệp', '80'), at('X2', 'Xã An Hiệp', '80')]);
    expect(a.map((u) => u.unitId)).toEqual(['X1', 'X2']);
    expect(b.map((u) => u.unitId)).toEqual(['X1', 'X2']);
  });

  it('ranks each unit type on its own', () => {
    const ranked = rankUnits([at('c1', 'Xã A', '50', 'commune'), at('d1', 'Sở A', '40', 'department'), at('c2', 'Xã B', '60', 'commune')]);
    expect(ranked.map((u) => [u.unitId, u.rank])).toEqual([
      ['c2', 1],
      ['c1', 2],
      ['d1', 1],
    ]);
  });
});

describe('band', () => {
  const bands = [
    { label: 'Tốt', min: 90 },
    { label: 'Khá', min: 80 },
    { label: 'Trung bình', min: 65 },
    { label: 'Yếu', min: 0 },
  ];
  it.each([
    ['100', 'Tốt'],
    ['90', 'Tốt'],
    ['89.99', 'Khá'],
    ['80', 'Khá'],
    ['65', 'Trung bình'],
    ['64.99', 'Yếu'],
    ['0', 'Yếu'],
  ])('%s → %s (lower bounds inclusive)', (index, label) => {
    expect(bandOf(bands, fromDecimalString(index))).toBe(label);
  });
});

describe('statistics', () => {
  const stats = (xs: string[]) => {
    const s = statistics(xs.map(fromDecimalString));
    return s && { count: s.count, mean: toNumber(s.mean), median: toNumber(s.median), min: toNumber(s.min), max: toNumber(s.max) };
  };

  it('median of an even count is the mean of the middle two', () => {
    expect(stats(['70', '100', '80', '90'])).toEqual({ count: 4, mean: 85, median: 85, min: 70, max: 100 });
    expect(stats(['80.01', '80.02'])).toEqual({ count: 2, mean: 80.02, median: 80.02, min: 80.01, max: 80.02 }); // 80.015 → 80.02
  });

  it('median of an odd count is the middle value; the mean rounds half-up at the end', () => {
    // mean (1 + 2 + 2)/3 = 1.666… → 1.67
    expect(stats(['2', '1', '2'])).toEqual({ count: 3, mean: 1.67, median: 2, min: 1, max: 2 });
    // mean (0.01 + 0.02)/2 = 0.015 → 0.02 (binary 0.015 is 0.01499999…)
    expect(stats(['0.01', '0.02'])?.mean).toBe(0.02);
  });

  it('is undefined for no units, and computed per unit type', () => {
    expect(statistics([])).toBeUndefined();
    const byType = statisticsByType([at('a', 'A', '50', 'commune'), at('b', 'B', '70', 'district'), at('c', 'C', '60', 'commune')]);
    expect([...byType.keys()]).toEqual(['commune', 'district']);
    expect(toNumber(byType.get('commune')?.mean ?? fromDecimalString('-1'))).toBe(55);
  });
});
