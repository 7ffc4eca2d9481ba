/** Strengths and weaknesses on a hand-worked example: two units, three leaves in two areas. */
import { describe, expect, it } from 'vitest';
import { analyse, leafOutcomes, weakestLeaves, type LeafOutcome } from '../../shared/domain/weaknesses.ts';
import type { Framework } from '../../shared/schemas/files/framework.ts';

const framework: Framework = {
  id: 'mini',
  name: 'Bộ tiêu chí thử',
  unitType: 'commune',
  maxTotal: 6,
  areas: [
    {
      code: '1',
      name: 'Chỉ đạo',
      maxPoints: 3,
      items: [
        { code: '1.1', name: 'Kế hoạch', maxPoints: 2, method: 'self' },
        { code: '1.2', name: 'Báo cáo', maxPoints: 1, method: 'self' },
      ],
    },
    { code: '2', name: 'Hài lòng', maxPoints: 3, items: [{ code: '2.1', name: 'Khảo sát', maxPoints: 3, method: 'survey' }] },
  ],
  adjustments: [],
  bands: [{ label: 'Đạt', min: 0 }],
};

// X: 1.1 self 2 appraised 1.5, 1.2 self 1 = 1, survey 1.8. Y: 1.1 0.5 = 0.5, 1.2 self 1 appraised 0.25, survey 2.7.
const x = leafOutcomes(
  framework,
  { unitId: 'X', unitType: 'commune', name: 'Xã Mỹ Thạnh', scores: { '1.1': 1.5, '1.2': 1, '2.1': 1.8 } },
  { '1.1': 2, '1.2': 1 },
);
const y = leafOutcomes(
  framework,
  { unitId: 'Y', unitType: 'commune', name: 'Xã An Đức', scores: { '1.1': 0.5, '1.2': 0.25, '2.1': 2.7 } },
  { '1.1': 0.5, '1.2': 1 },
);

describe('strengths and weaknesses', () => {
  it('reads each applicable leaf with its final and self score, exemptions left out', () => {
    expect(x).toEqual([
      { code: '1.1', area: '1', method: 'self', max: 2, score: 1.5, selfScore: 2, missing: false },
      { code: '1.2', area: '1', method: 'self', max: 1, score: 1, selfScore: 1, missing: false },
      { code: '2.1', area: '2', method: 'survey', max: 3, score: 1.8, missing: false },
    ]);
    const exempt = leafOutcomes(framework, { unitId: 'Z', unitType: 'commune', name: 'Z', scores: {}, notApplicable: ['2'] }, {});
    expect(exempt.map((l) => [l.code, l.score, l.missing])).toEqual([
      ['1.1', 0, true],
      ['1.2', 0, true],
    ]);
  });

  it('computes shares, points lost and self-vs-appraised gaps per leaf, area and unit', () => {
    const { analysis, weakest } = analyse([
      { unitId: 'X', name: 'Xã Mỹ Thạnh', leaves: x },
      { unitId: 'Y', name: 'Xã An Đức', leaves: y },
    ]);
    // 1.1: 2 of 4 = 50 %, lost 2, gap (2 − 1.5) + 0 = 0.5; 1.2: 1.25 of 2 = 62.5 %, lost 0.75, gap 0.75; 2.1: 4.5 of 6 = 75 %.
    expect(analysis.leaves).toEqual([
      { code: '1.1', area: '1', units: 2, achieved: 2, possible: 4, share: 50, lost: 2, gap: 0.5 },
      { code: '1.2', area: '1', units: 2, achieved: 1.25, possible: 2, share: 62.5, lost: 0.75, gap: 0.75 },
      { code: '2.1', area: '2', units: 2, achieved: 4.5, possible: 6, share: 75, lost: 1.5, gap: 0 },
    ]);
    // area 1: 3.25 of 6 = 54.1666… → 54.17; overall 7.75 of 12 = 64.5833… → 64.58.
    expect(analysis.areas).toEqual([
      { code: '1', units: 2, achieved: 3.25, possible: 6, share: 54.17, lost: 2.75, gap: 1.25 },
      { code: '2', units: 2, achieved: 4.5, possible: 6, share: 75, lost: 1.5, gap: 0 },
    ]);
    expect(analysis.share).toBe(64.58);
    expect(analysis.mostLost).toEqual(['1.1', '2.1', '1.2']);
    expect(analysis.gapsByLeaf).toEqual(['1.2', '1.1']);
    expect(analysis.gapsByUnit).toEqual([
      { unitId: 'Y', name: 'Xã An Đức', gap: 0.75, leaves: 1 },
      { unitId: 'X', name: 'Xã Mỹ Thạnh', gap: 0.5, leaves: 1 },
    ]);
    // X loses 1.2 on 2.1 and 0.5 on 1.1 (nothing on 1.2); Y 1.5, 0.75, 0.3.
    expect(weakest.get('X')).toEqual([
      { code: '2.1', score: 1.8, max: 3, lost: 1.2 },
      { code: '1.1', score: 1.5, max: 2, lost: 0.5 },
    ]);
    expect(weakest.get('Y')!.map((w) => [w.code, w.lost])).toEqual([
      ['1.1', 1.5],
      ['1.2', 0.75],
      ['2.1', 0.3],
    ]);
  });

  it('leaves a missing appraisal out of the gap and keeps five weakest leaves, framework order among equals', () => {
    const leaf = (code: string, score: number, selfScore?: number, missing = false): LeafOutcome => ({
      code,
      area: '1',
      method: 'self',
      max: 1,
      score,
      ...(selfScore === undefined ? {} : { selfScore }),
      missing,
    });
    const leaves = [
      leaf('1.1', 0.5),
      leaf('1.2', 0, 1, true),
      leaf('1.3', 0.5),
      leaf('1.4', 0.75),
      leaf('1.5', 0.5),
      leaf('1.6', 0.5),
      leaf('1.7', 1),
    ];
    expect(weakestLeaves(leaves).map((w) => w.code)).toEqual(['1.2', '1.1', '1.3', '1.5', '1.6']);
    const { analysis } = analyse([{ unitId: 'Z', name: 'Z', leaves }]);
    expect(analysis.gapsByUnit).toEqual([]);
    expect(analysis.leaves.find((l) => l.code === '1.2')!.gap).toBe(0);
  });
});
