/**
 * The summary against hand-computed values: bulk and online responses together, group weights,
 * "no opinion" left out, Yamane targets, exempt leaves left out, half-up rounding of exact values.
 */
import { describe, expect, it } from 'vitest';
import { api, tokens } from '../support/api.ts';
import { createSurvey, csv, departmentSurvey, importFile, summary, year } from '../support/survey-helpers.ts';

const surveyId = 'test-summary';

describe('survey summary', () => {
  it('shows responses per group against the target and the leaf scores per unit', async () => {
    const admin = await tokens.admin();
    const reference = departmentSurvey();
    const questions = reference.questions.map((q: { id: string; groups: string[] }) =>
      q.id === 'Q1_7_1' ? { ...q, groups: ['leader', 'civil-servant', 'citizen'] } : q,
    );
    await createSurvey(admin, surveyId, {
      questions,
      groupWeights: { leader: 1, 'civil-servant': 1, citizen: 2 },
      targetSample: {
        leader: 2,
        'civil-servant': { formula: 'yamane', margin: 0.05, population: 400 },
        citizen: { formula: 'yamane', margin: 0.05, population: 'dossiersHandled' },
      },
      populations: { dossiersHandled: { SNV: 1000, TTT: 50 } },
    });
    const { report } = await importFile(
      admin,
      surveyId,
      csv([
        ['respondentId', 'unitId', 'group', 'Q1_7_1', 'Q3_5_1'],
        ['L1', 'SNV', 'leader', 'A', ''],
        ['L2', 'SNV', 'leader', 'C', ''],
        ['C1', 'SNV', 'civil-servant', 'B', ''],
        ['P1', 'SNV', 'citizen', 'D', 'A'],
        ['P2', 'SNV', 'citizen', 'E', 'B'],
        ['T1', 'TTT', 'leader', 'A', ''],
        ['T2', 'TTT', 'citizen', '', 'A'],
      ]),
    );
    expect(report).toMatchObject({ status: 'done', accepted: 7 });
    const invited = await api('POST', `/v1/cycles/${year}/surveys/${surveyId}/invitations`, {
      token: admin,
      body: { unitId: 'SNV', group: 'citizen', count: 1 },
    });
    const answered = await api('POST', `/v1/public/surveys/${surveyId}/responses`, {
      body: { code: invited.body.codes[0], answers: { Q1_7_1: 'A', Q3_5_1: 'C' } },
    });
    expect(answered.status).toBe(201);

    const units = (await summary(admin, surveyId)).units;
    const snv = units.find((u) => u.unitId === 'SNV');
    expect(snv?.groups).toEqual({
      leader: { responses: 2, target: 2 },
      'civil-servant': { responses: 1, target: 200 }, // 400 / (1 + 400·0.05²) = 200
      citizen: { responses: 3, target: 286 }, // 1000 / 3.5 = 285.7… rounded up
    });
    // 1.7.1 (max 2.5): leader (1 + 0.2)/2 = 0.6; civil servant 0.6; citizen (0 + 1)/2 = 0.5 ("E" left out);
    // weighted (0.6 + 0.6 + 2·0.5)/4 = 0.55; 2.5 × 0.55 = 1.375 → 1.38 (half-up).
    expect(snv?.leafScores['1.7.1']).toBe(1.38);
    // 3.5.1 (max 2): citizens A, B and the online C: (1 + 0.6 + 0.2)/3 = 0.6 → 1.2.
    expect(snv?.leafScores['3.5.1']).toBe(1.2);
    expect(snv?.leafScores['2.5.1']).toBe(0);
    expect(snv?.missing).toContain('2.5.1');
    expect(snv?.missing).not.toContain('1.7.1');

    // TTT is exempt from area 3 in the cycle: no 3.x leaf score, though it has a 3.5.1 answer.
    const ttt = units.find((u) => u.unitId === 'TTT');
    expect(ttt?.leafScores['1.7.1']).toBe(2.5);
    expect(Object.keys(ttt?.leafScores ?? {}).some((code) => code.startsWith('3.'))).toBe(false);
    expect(ttt?.groups.citizen).toEqual({ responses: 1, target: 45 }); // 50 / 1.125 = 44.4… → 45

    // A unit with no figure: the Yamane target is unknown; no responses: every survey leaf missing.
    const stp = units.find((u) => u.unitId === 'STP');
    expect(stp?.groups.citizen).toEqual({ responses: 0, target: null });
    expect(stp?.missing.length).toBe(Object.keys(stp?.leafScores ?? {}).length);
    expect(units).toHaveLength(18);
  });

  it('is readable by the council, not by units or appraisers', async () => {
    const path = `/v1/cycles/${year}/surveys/${surveyId}/summary`;
    expect((await api('GET', path, { token: await tokens.council() })).status).toBe(200);
    expect((await api('GET', path, { token: await tokens.unit('SNV') })).status).toBe(403);
    expect((await api('GET', path, { token: await tokens.appraiser('SNV') })).status).toBe(403);
    const missing = await api('GET', `/v1/cycles/${year}/surveys/no-such/summary`, { token: await tokens.council() });
    expect([missing.status, missing.body.code]).toEqual([404, 'SURVEY_NOT_FOUND']);
  });
});
