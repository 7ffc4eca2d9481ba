/** The computation trace of one unit: survey ratios per group and what lifts a unit into the next band (hand-worked). */
import { describe, expect, it } from 'vitest';
import { findLeaf } from '../../shared/domain/framework.ts';
import { exemptions, leafTraces, liftToNextBand, surveyTrace, type LeafTrace } from '../../shared/domain/score-explanation.ts';
import { compileSurvey, tallyResponses } from '../../shared/domain/survey-aggregation.ts';
import type { AppraisedItem } from '../../shared/domain/appraisal.ts';
import type { Framework } from '../../shared/schemas/files/framework.ts';
import type { UnitResultJson } from '../../shared/schemas/files/results.ts';
import { surveyDefinitionSchema } from '../../shared/schemas/files/survey-file.ts';

const framework: Framework = {
  id: 'trace-test',
  name: 'Thử',
  unitType: 'district',
  maxTotal: 4,
  areas: [
    {
      code: '1',
      name: 'Tự chấm',
      maxPoints: 2,
      items: [
        {
          code: '1.1',
          name: 'Kế hoạch',
          maxPoints: 1,
          method: 'self',
          rule: {
            kind: 'tiers',
            figure: 'Tỷ lệ (%)',
            tiers: [
              { min: 100, points: 1 },
              { min: 80, points: 0.5 },
            ],
          },
        },
        { code: '1.2', name: 'Báo cáo', maxPoints: 1, method: 'self', rule: { kind: 'boolean' } },
      ],
    },
    { code: '2', name: 'Điều tra', maxPoints: 2, items: [{ code: '2.1', name: 'Hài lòng', maxPoints: 2, method: 'survey' }] },
  ],
  adjustments: [],
  bands: [
    { label: 'Tốt', min: 90 },
    { label: 'Khá', min: 80 },
    { label: 'Trung bình', min: 0 },
  ],
};

describe('survey trace', () => {
  it('shows each question’s group means, weights and answers, and the leaf ratio', () => {
    const compiled = compileSurvey(
      surveyDefinitionSchema.parse({
        options: { A: 1, B: 0.6, C: 0.2, D: 0, E: null },
        groupWeights: { leader: 1, citizen: 2 },
        questions: [
          { id: 'Q1', leaf: '2.1', groups: ['leader', 'citizen'] },
          { id: 'Q2', leaf: '2.1', groups: ['citizen'], options: { Y: 1, N: 0, X: null } },
        ],
      }),
      framework,
    );
    if (!compiled.ok) throw new Error('fixture');
    const { tally } = tallyResponses(compiled.survey, [
      { unitId: 'U', group: 'leader', answers: { Q1: 'A' } },
      { unitId: 'U', group: 'leader', answers: { Q1: 'B' } },
      { unitId: 'U', group: 'leader', answers: { Q1: 'E' } },
      { unitId: 'U', group: 'citizen', answers: { Q1: 'C', Q2: 'Y' } },
      { unitId: 'U', group: 'citizen', answers: { Q1: 'D', Q2: 'Y' } },
      { unitId: 'U', group: 'citizen', answers: { Q2: 'N' } },
    ]);
    const trace = surveyTrace(compiled.survey, tally.get('U'), findLeaf(framework, '2.1')!.leaf);
    // Q1: leader (1 + 0.6)/2 = 0.8 (E is no opinion), citizen (0.2 + 0)/2 = 0.1; (0.8 × 1 + 0.1 × 2)/3 = 1/3.
    // Q2: citizen 2 of 3 = 2/3. Ratio (1/3 + 2/3)/2 = 0.5.
    expect(trace).toEqual({
      ratio: 0.5,
      questions: [
        {
          questionId: 'Q1',
          value: 0.3333,
          groups: [
            { group: 'leader', weight: 1, answers: 2, mean: 0.8 },
            { group: 'citizen', weight: 2, answers: 2, mean: 0.1 },
          ],
        },
        { questionId: 'Q2', value: 0.6667, groups: [{ group: 'citizen', weight: 2, answers: 3, mean: 0.6667 }] },
      ],
    });
    expect(surveyTrace(compiled.survey, undefined, findLeaf(framework, '2.1')!.leaf)).toEqual({
      ratio: null,
      questions: [
        { questionId: 'Q1', value: null, groups: [] },
        { questionId: 'Q2', value: null, groups: [] },
      ],
    });
  });
});

describe('leaf traces', () => {
  it('carries the figure, the rule’s suggestion, the self score and every appraisal round', () => {
    const items = new Map<string, AppraisedItem>([
      [
        '1.1',
        {
          code: '1.1',
          selfScore: 1,
          figure: 85,
          appraisedScore: 0.5,
          version: 3,
          appraisals: [
            { round: 1, score: 0.25, reason: 'Thiếu báo cáo quý IV', by: 'a', at: '2032-01-05T00:00:00Z' },
            { round: 2, score: 0.5, reason: 'Đã giải trình', by: 'a', at: '2032-01-25T00:00:00Z' },
          ],
          explanations: [{ round: 1, text: 'Bổ sung báo cáo', evidence: [], by: 'u', at: '2032-01-15T00:00:00Z' }],
        },
      ],
    ]);
    const outcomes = [
      { code: '1.1', area: '1', method: 'self' as const, max: 1, score: 0.5, selfScore: 1, missing: false },
      { code: '2.1', area: '2', method: 'survey' as const, max: 2, score: 0, missing: true },
    ];
    const traces = leafTraces(framework, ['1.2'], outcomes, items, undefined);
    expect(traces.map((t) => t.code)).toEqual(['1.1', '2.1']);
    expect(traces[0]).toMatchObject({ figure: 85, suggestedScore: 0.5, selfScore: 1, score: 0.5, lost: 0.5, missing: false });
    expect(traces[0]!.rounds.map((r) => [r.round, r.score])).toEqual([
      [1, 0.25],
      [2, 0.5],
    ]);
    expect(traces[0]!.explanations).toEqual([{ round: 1, text: 'Bổ sung báo cáo' }]);
    expect(traces[1]).toMatchObject({ score: 0, lost: 2, missing: true, rounds: [] });
    expect(exemptions(framework, ['1.2', '2'])).toEqual([
      { code: '1.2', leaves: ['1.2'] },
      { code: '2', leaves: ['2.1'] },
    ]);
  });
});

describe('what lifts a unit into the next band', () => {
  const unit = { band: 'Khá', achieved: 33, bonusTotal: 0.5, penaltyTotal: 0, maxApplicable: 40 } as UnitResultJson;
  const trace = (code: string, max: number, score: number) => ({ code, max, score }) as LeafTrace;
  const traces = [trace('A', 2, 0.5), trace('B', 1, 0), trace('C', 3, 2), trace('D', 1, 0.25), trace('E', 1, 1)];

  it('needs (90 − 0.005) × 40 / 100 − 33.5 = 2.498 → 2.5 points: two leaves, the largest first, then the other pairs that suffice', () => {
    // 36 / 40 = 90.00 reaches Tốt; 35.99 / 40 = 89.975 → 89.98 does not.
    expect(liftToNextBand(framework, unit, traces)).toEqual({
      band: 'Tốt',
      min: 90,
      pointsNeeded: 2.5,
      leavesNeeded: 2,
      sets: [
        [
          { code: 'A', available: 1.5 },
          { code: 'B', available: 1 },
        ],
        [
          { code: 'A', available: 1.5 },
          { code: 'C', available: 1 },
        ],
      ],
    });
  });

  it('says when the points available fall short, and gives nothing above the top band', () => {
    const short = liftToNextBand(framework, { ...unit, achieved: 20 }, traces);
    expect(short).toMatchObject({ band: 'Tốt', leavesNeeded: null, sets: [] });
    expect(short!.pointsNeeded).toBe(15.5);
    expect(liftToNextBand(framework, { ...unit, band: 'Tốt' }, traces)).toBeNull();
    expect(liftToNextBand(framework, { ...unit, band: 'Trung bình' }, traces)).toMatchObject({
      band: 'Khá',
      pointsNeeded: 0,
      leavesNeeded: 0,
    });
  });
});
