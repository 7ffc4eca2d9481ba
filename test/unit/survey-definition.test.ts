import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDefinition, removalsOnceAnswered, targetFor, yamane } from '../../shared/domain/survey-definition.ts';
import type { Framework } from '../../shared/schemas/files/framework.ts';
import { surveyDefinitionSchema, type SurveyDefinitionInput } from '../../shared/schemas/files/survey-definition.ts';

const read = (path: string) => JSON.parse(readFileSync(new URL(`../../reference/${path}`, import.meta.url), 'utf8'));
const framework = (type: string) => read(`frameworks/${type}-2024.json`) as Framework;
const survey = (type: string) => surveyDefinitionSchema.parse(read(`surveys/${type}-survey-2024.json`));
const units = new Set(['SNV', 'STP', 'BQLKCN']);

function errorsOf(definition: unknown, type = 'department') {
  const parsed = surveyDefinitionSchema.safeParse(definition);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  return checkDefinition(parsed.data, framework(type), units).errors.map((e) => `${e.path}: ${e.message}`);
}

describe('survey definitions', () => {
  it.each(['department', 'district', 'commune'])('accepts the %s reference survey against its framework', (type) => {
    const check = checkDefinition(survey(type), framework(type), units);
    expect(check.errors).toEqual([]);
    expect(check.compiled?.questions.length).toBe(survey(type).questions.length);
  });

  it('refuses a question on a self-assessed leaf, an unknown leaf and a duplicate question id', () => {
    const d = survey('department');
    const errors = errorsOf({
      ...d,
      questions: [
        { ...d.questions[0], leaf: '1.1.1' },
        { ...d.questions[1], leaf: '9.9.9' },
        { ...d.questions[2], id: d.questions[3]?.id },
        d.questions[3],
      ],
    });
    expect(errors.some((e) => e.startsWith('questions[0].leaf') && e.includes('self-assessed'))).toBe(true);
    expect(errors.some((e) => e.startsWith('questions[1].leaf') && e.includes('not a leaf'))).toBe(true);
    expect(errors.some((e) => e.includes('duplicate question id'))).toBe(true);
  });

  it('refuses option weights outside [0, 1] but allows null (no opinion)', () => {
    const d = survey('department');
    expect(errorsOf({ ...d, options: { A: 1.2, B: 0.5 } }).join()).toMatch(/options\.A: must be a weight from 0 to 1/);
    expect(errorsOf({ ...d, options: { A: -0.1, B: 0.5 } }).join()).toMatch(/weight from 0 to 1/);
    expect(errorsOf({ ...d, options: { A: 1, E: null }, optionLabels: { A: 'Tốt', E: 'Không biết' } })).toEqual([]);
    expect(errorsOf({ ...d, options: { E: null } }).join()).toMatch(/at least one option must carry a weight/);
  });

  it('refuses groups that are not declared, and a group without a target', () => {
    const d = survey('department');
    const errors = errorsOf({
      ...d,
      questions: [{ ...d.questions[0], groups: ['leader', 'farmer'] }, ...d.questions.slice(1)],
      groupWeights: { ...d.groupWeights, visitor: 2 },
      targetSample: { leader: 10, citizen: 100 },
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        'questions[0].groups[1]: "farmer" is not one of the groups (leader, civil-servant, citizen)',
        'groupWeights["visitor"]: "visitor" is not one of the groups (leader, civil-servant, citizen)',
        'targetSample["civil-servant"]: every group needs a target sample',
      ]),
    );
  });

  it('refuses populations of units outside the survey, and warns about leaves nobody is asked about', () => {
    const d = survey('department');
    expect(errorsOf({ ...d, populations: { dossiersHandled: { SNV: 400, 'X-NOWHERE': 10 } } })).toEqual([
      'populations.dossiersHandled["X-NOWHERE"]: "X-NOWHERE" is not a department unit',
    ]);
    const fewer = surveyDefinitionSchema.parse({ ...d, questions: d.questions.slice(1) });
    expect(checkDefinition(fewer, framework('department'), units).warnings).toContain('survey leaf 1.7.1 has no question: it will score 0');
  });
});

describe('target sample', () => {
  it('works out Yamane n = N / (1 + N·e²) exactly and rounds up', () => {
    expect(yamane(400, 0.05)).toBe(200); // 400 / 2 exactly
    expect(yamane(1000, 0.05)).toBe(286); // 285.71…
    expect(yamane(100_000, 0.05)).toBe(399); // 398.40…
    expect(yamane(1, 0.05)).toBe(1);
    expect(yamane(0, 0.05)).toBe(0);
    expect(yamane(10_000, 0.1)).toBe(100); // 99.00990…
  });

  it('uses fixed numbers, a population number, or the unit figure (null when unknown)', () => {
    const d: SurveyDefinitionInput = {
      ...survey('department'),
      targetSample: {
        leader: 10,
        'civil-servant': { formula: 'yamane', margin: 0.05, population: 400 },
        citizen: { formula: 'yamane', margin: 0.05, population: 'dossiersHandled' },
      },
      populations: { dossiersHandled: { SNV: 1000 } },
    };
    expect(targetFor(d, 'leader', 'SNV')).toBe(10);
    expect(targetFor(d, 'civil-servant', 'SNV')).toBe(200);
    expect(targetFor(d, 'citizen', 'SNV')).toBe(286);
    expect(targetFor(d, 'citizen', 'STP')).toBeNull();
  });
});

describe('changes once answered', () => {
  it('allows reweighing and additions, refuses removing a question, an option or a group', () => {
    const before = survey('department');
    const reweighed = { ...before, options: { ...before.options, B: 0.5, F: 0.1 }, groupWeights: { citizen: 2 } };
    expect(removalsOnceAnswered(before, reweighed)).toEqual([]);
    const removed = {
      ...before,
      options: { A: 1, B: 0.6, C: 0.2, E: null },
      questions: before.questions.slice(1),
      groups: { leader: 'L', citizen: 'C' },
    };
    const messages = removalsOnceAnswered(before, removed).map((e) => e.message);
    expect(messages.some((m) => m.includes('group cannot be removed'))).toBe(true);
    expect(messages.some((m) => m.includes('question "Q1_7_1" cannot be removed'))).toBe(true);
    expect(messages.some((m) => m.includes('option "D"'))).toBe(true);
  });
});
