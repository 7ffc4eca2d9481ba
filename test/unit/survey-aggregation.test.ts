import { describe, expect, it } from 'vitest';
import { toNumber } from '../../shared/domain/exact.ts';
import { findLeaf } from '../../shared/domain/framework.ts';
import { compileSurvey, tallyResponses } from '../../shared/domain/survey-aggregation.ts';
import type { Leaf } from '../../shared/schemas/files/framework.ts';
import { surveyDefinitionSchema } from '../../shared/schemas/files/survey-file.ts';
import { framework, surveySource } from './support/fixtures.ts';

/**
 * Area 2 holds three survey leaves: 2.1 (2 points, questions Q1 and Q2), 2.2 (2.01 points, Q3),
 * 2.3 (1 point, Q4). 2.01 is there to land a leaf exactly on a half hundredth.
 */
const f = framework({
  id: 'survey-test',
  name: 'Khảo sát thử',
  unitType: 'district',
  maxTotal: 6.01,
  areas: [
    {
      code: '1',
      name: 'Tự chấm',
      maxPoints: 1,
      items: [{ code: '1.1', name: 'a', maxPoints: 1, method: 'self', rule: { kind: 'manual' } }],
    },
    {
      code: '2',
      name: 'Điều tra xã hội học',
      maxPoints: 5.01,
      items: [
        { code: '2.1', name: 'Hài lòng', maxPoints: 2, method: 'survey' },
        { code: '2.2', name: 'Công khai', maxPoints: 2.01, method: 'survey' },
        { code: '2.3', name: 'Phối hợp', maxPoints: 1, method: 'survey' },
      ],
    },
  ],
  bands: [
    { label: 'Tốt', min: 80 },
    { label: 'Yếu', min: 0 },
  ],
});

const definition = {
  options: { A: 1, B: 0.6, C: 0.2, D: 0, E: null },
  groupWeights: { leader: 1, citizen: 2 }, // civil-servant not listed: weight 1
  questions: [
    { id: 'Q1', leaf: '2.1', groups: ['leader', 'citizen'] },
    { id: 'Q2', leaf: '2.1', groups: ['citizen'], options: { Y: 1, N: 0, X: null } },
    { id: 'Q3', leaf: '2.2' },
    { id: 'Q4', leaf: '2.3', groups: ['leader'] },
  ],
};

const responses = [
  { unitId: 'U1', group: 'leader', answers: { Q1: 'A', Q4: 'E' } },
  { unitId: 'U1', group: 'leader', answers: { Q1: 'B', Q4: null } },
  { unitId: 'U1', group: 'leader', answers: { Q1: 'E' } },
  { unitId: 'U1', group: 'citizen', answers: { Q1: 'C', Q2: 'Y', Q3: 'A' } },
  { unitId: 'U1', group: 'citizen', answers: { Q1: 'D', Q2: 'Y', Q3: 'D' } },
  { unitId: 'U1', group: 'citizen', answers: { Q2: 'N', Q3: '' } },
  { unitId: 'U1', group: 'citizen', answers: { Q2: 'X' } },
  { unitId: 'U1', group: 'civil-servant', answers: { Q3: 'A' } },
  { unitId: 'U1', group: 'civil-servant', answers: { Q3: 'D', Q1: 'A' } }, // Q1 is not asked of civil servants
  { unitId: 'U2', group: 'leader', answers: { Q1: 'E', Q4: 'E' } },
  { unitId: 'U2', group: 'citizen', answers: { Q2: 'X', Q3: null } },
];

const leaf = (code: string) => findLeaf(f, code)?.leaf as Leaf;

describe('survey leaf scores, worked by hand', () => {
  const { source, tally } = surveySource(f, definition, responses);
  const score = (unit: string, code: string) => {
    const s = source(unit, leaf(code));
    return { score: toNumber(s.score), missing: s.missing };
  };

  it('weights group means, leaves out no-opinion answers and uses per-question options (leaf 2.1)', () => {
    // Q1: leader mean (1 + 0.6)/2 = 0.8 (E left out); citizen mean (0.2 + 0)/2 = 0.1;
    //     weighted 1:2 → (0.8 + 2 × 0.1)/3 = 1/3.
    // Q2 (own options Y=1, N=0, X=no opinion): citizen Y, Y, N → 2/3.
    // ratio = (1/3 + 2/3)/2 = 1/2; score = 2 × 1/2 = 1.00.
    expect(score('U1', '2.1')).toEqual({ score: 1, missing: false });
  });

  it('rounds half-up exactly (leaf 2.2 lands on 1.005)', () => {
    // Q3: citizen A, D → 0.5 (the blank answer is no answer); civil-servant A, D → 0.5; leader none.
    // value = (2 × 0.5 + 1 × 0.5)/3 = 0.5; score = 2.01 × 0.5 = 1.005 → 1.01
    // (binary floating point: Math.round(1.005 * 100) / 100 = 1).
    expect(score('U1', '2.2')).toEqual({ score: 1.01, missing: false });
  });

  it('scores 0 and lists as missing a leaf with no valid answer', () => {
    expect(score('U1', '2.3')).toEqual({ score: 0, missing: true }); // only E and null
    expect(score('U2', '2.1')).toEqual({ score: 0, missing: true });
    expect(score('U3', '2.1')).toEqual({ score: 0, missing: true }); // no response at all
  });

  it("leaves out answers to a question not asked of the respondent's group, and counts them", () => {
    expect(tally.outOfGroup).toBe(1);
  });

  it('changes nothing when every response is duplicated', () => {
    const twice = surveySource(f, definition, [...responses, ...responses]).source;
    for (const code of ['2.1', '2.2', '2.3']) expect(twice('U1', leaf(code))).toEqual(source('U1', leaf(code)));
  });

  it('changes nothing when every group weight is multiplied by a constant', () => {
    const scaled = surveySource(f, { ...definition, groupWeights: { leader: 3.5, citizen: 7, 'civil-servant': 3.5 } }, responses).source;
    for (const code of ['2.1', '2.2', '2.3'])
      expect(toNumber(scaled('U1', leaf(code)).score)).toBe(toNumber(source('U1', leaf(code)).score));
  });

  it('uses the weights: equal weights give a different 2.1', () => {
    // Q1 = (0.8 + 0.1)/2 = 0.45; ratio (0.45 + 2/3)/2 = 67/120; 2 × 67/120 = 1.1166… → 1.12
    const equal = surveySource(f, { ...definition, groupWeights: {} }, responses).source;
    expect(toNumber(equal('U1', leaf('2.1')).score)).toBe(1.12);
  });
});

describe('survey input errors', () => {
  const compile = (def: unknown) => compileSurvey(surveyDefinitionSchema.parse(def), f);
  const compiled = compile(definition);
  if (!compiled.ok) throw new Error('fixture');
  const errors = (rs: unknown[]) => tallyResponses(compiled.survey, rs, { knownUnits: new Set(['U1']) }).errors;

  it('rejects an answer outside the options, naming the question and the options', () => {
    expect(errors([{ unitId: 'U1', group: 'citizen', answers: { Q2: 'A' } }])).toEqual([
      { path: 'responses[0].answers["Q2"]', message: 'answer "A" is not one of the options Y, N, X' },
    ]);
    expect(errors([{ unitId: 'U1', group: 'leader', answers: { Q1: 'F' } }])[0]?.message).toBe(
      'answer "F" is not one of the options A, B, C, D, E',
    );
  });

  it('rejects unknown questions, units not in the scores file and malformed responses', () => {
    expect(errors([{ unitId: 'U1', group: 'leader', answers: { Q9: 'A' } }])).toEqual([
      { path: 'responses[0].answers["Q9"]', message: 'unknown question "Q9"' },
    ]);
    expect(
      errors([
        { unitId: 'U1', group: 'leader', answers: {} },
        { unitId: 'ZZ', group: 'leader', answers: { Q1: 'A' } },
      ]),
    ).toEqual([{ path: 'responses[1].unitId', message: 'unit "ZZ" is not in the scores file' }]);
    expect(errors([{ unitId: 'U1', answers: { Q1: 'A' } }])).toEqual([{ path: 'responses[0].group', message: 'is required (string)' }]);
    expect(errors([{ unitId: 'U1', group: 'leader', answers: { Q1: ['A'] } }])[0]?.path).toBe('responses[0].answers["Q1"]');
  });

  it('caps the number of reported errors but counts them all', () => {
    const bad = Array.from({ length: 120 }, () => ({ unitId: 'ZZ', group: 'leader', answers: {} }));
    const r = tallyResponses(compiled.survey, bad, { knownUnits: new Set(['U1']), maxErrors: 10 });
    expect(r.errors).toHaveLength(10);
    expect(r.errorCount).toBe(120);
  });

  it('checks questions against the framework', () => {
    const r = compile({
      frameworkId: 'other',
      options: { A: 1 },
      questions: [
        { id: 'Q1', leaf: '1.1' },
        { id: 'Q1', leaf: '9.9' },
      ],
    });
    expect(r.ok ? [] : r.errors).toEqual([
      { path: 'frameworkId', message: 'the survey is for framework "other", not "survey-test"' },
      { path: 'questions[0].leaf', message: 'leaf 1.1 is self-assessed; only survey leaves take questions' },
      { path: 'questions[1].leaf', message: '"9.9" is not a leaf of framework survey-test' },
      { path: 'questions[1].id', message: 'duplicate question id "Q1"' },
    ]);
  });

  it('rejects option weights outside [0, 1]', () => {
    const r = surveyDefinitionSchema.safeParse({ options: { A: 1.5 }, questions: [{ id: 'Q', leaf: '2.1' }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('must be a weight from 0 to 1, or null for "no opinion"');
  });
});
