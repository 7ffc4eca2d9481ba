import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerRules, checkAnswers, checkHeader, checkRow } from '../../shared/domain/survey-rows.ts';
import { surveyDefinitionSchema } from '../../shared/schemas/files/survey-definition.ts';

const definition = surveyDefinitionSchema.parse(
  JSON.parse(readFileSync(new URL('../../reference/surveys/department-survey-2024.json', import.meta.url), 'utf8')),
);
const rules = answerRules(definition, 'department', new Set(['SNV', 'STP']));
const header = ['respondentId', 'unitId', 'group', 'Q1_7_1', 'Q3_5_1'];
const questions = ['Q1_7_1', 'Q3_5_1'];

describe('survey file header', () => {
  it('accepts the fixed columns then known questions, trimming and NFC-normalising names', () => {
    expect(checkHeader(header, rules)).toEqual({ ok: true, questionIds: questions });
    expect(checkHeader([' respondentId', 'unitId ', 'group', 'Q1_7_1', 'Q3_5_1'], rules)).toEqual({ ok: true, questionIds: questions });
  });

  it('refuses a wrong fixed column, an unknown or repeated question, or no question at all', () => {
    const bad = checkHeader(['id', 'unitId', 'group', 'Q1_7_1', 'Q9', 'Q1_7_1'], rules);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.reason).toContain('column 1 must be "respondentId", found "id"');
    expect(bad.reason).toContain('column 5 "Q9" is not a question of this survey');
    expect(bad.reason).toContain('column 6 repeats question "Q1_7_1"');
    expect(checkHeader(['respondentId', 'unitId', 'group'], rules)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no question column'),
    });
  });
});

describe('survey rows', () => {
  it('accepts a row, leaving blank answers out', () => {
    expect(checkRow(['R1', 'SNV', 'leader', 'A', ''], questions, rules)).toEqual({
      ok: true,
      row: { respondentId: 'R1', unitId: 'SNV', group: 'leader', answers: { Q1_7_1: 'A' } },
    });
  });

  it('reports every problem of a row in one reason', () => {
    const r = checkRow(['R2', 'SXX', 'farmer', 'F', 'A'], questions, rules);
    expect(r).toEqual({
      ok: false,
      respondentId: 'R2',
      reason:
        'unit "SXX" is not a department unit of this survey; group "farmer" is not one of leader, civil-servant, citizen; Q1_7_1: answer "F" is not one of the options A, B, C, D, E',
    });
  });

  it('refuses an answer to a question not asked of the group, out-of-scale answers, and a row with no answer', () => {
    expect(checkRow(['R3', 'SNV', 'citizen', 'A', 'B'], questions, rules)).toMatchObject({
      ok: false,
      reason: 'Q1_7_1: is not asked of group "citizen"',
    });
    expect(checkRow(['R4', 'SNV', 'citizen', '', '6'], questions, rules)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('answer "6" is not one of'),
    });
    expect(checkRow(['R5', 'SNV', 'citizen', '', ''], questions, rules)).toMatchObject({
      ok: false,
      reason: 'answers: no question is answered',
    });
  });

  it('refuses a row whose cell count differs from the header, and an empty respondentId', () => {
    expect(checkRow(['R6', 'SNV', 'leader', 'A'], questions, rules)).toMatchObject({
      ok: false,
      reason: 'the row has 4 cells, the header has 5',
    });
    expect(checkRow(['', 'SNV', 'leader', 'A', ''], questions, rules)).toMatchObject({ ok: false, reason: 'respondentId is empty' });
  });

  it('reads composed and decomposed Vietnamese as the same respondent id', () => {
    const composed = 'Phiếu-Bến-Tre-01';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const r = checkRow([decomposed, 'SNV', 'leader', 'A', ''], questions, rules);
    expect(r.ok && r.row.respondentId).toBe(composed);
  });

  it('checks online answers with the same rules (unknown question, null = no answer)', () => {
    expect(checkAnswers('SNV', 'citizen', { Q3_5_1: 'A', Q3_5_2: null }, rules)).toEqual({ answers: { Q3_5_1: 'A' }, errors: [] });
    expect(checkAnswers('SNV', 'citizen', { Q42: 'A' }, rules).errors).toEqual([
      { path: 'Q42', message: 'is not a question of this survey' },
    ]);
  });
});
