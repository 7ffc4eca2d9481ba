import { describe, expect, it } from 'vitest';
import { listAudit } from '../../shared/store/audit.ts';
import { getCycle, updateCycle } from '../../shared/store/cycles-store.ts';
import { getSurvey } from '../../shared/store/surveys-store.ts';
import { api, tokens } from '../support/api.ts';
import { createSurvey, csv, departmentSurvey, header, importFile, year } from '../support/survey-helpers.ts';

const path = (surveyId: string) => `/v1/cycles/${year}/surveys/${surveyId}`;
const body = (surveyId: string, changes: Record<string, unknown> = {}) => ({
  ...departmentSurvey(),
  id: surveyId,
  unitType: 'department',
  ...changes,
});

async function refusedWithoutTrace(surveyId: string, status: number, request: Record<string, unknown>, token?: string) {
  const res = await api('PUT', path(surveyId), { token: token ?? (await tokens.admin()), body: request });
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(await getSurvey(year, surveyId)).toBeUndefined();
  expect(await listAudit(`SURVEY#${year}#${surveyId}`)).toEqual([]);
  return res.body;
}

describe('survey definitions', () => {
  it('stores a definition (admin), audits it, answers with warnings, and any signed-in user reads it', async () => {
    const admin = await tokens.admin();
    const res = await api('PUT', path('test-def-a'), { token: admin, body: body('test-def-a') });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ surveyId: 'test-def-a', unitType: 'department', frameworkId: 'department-2024', version: 1 });
    expect(res.body.warnings).toContain(
      'target of group "citizen": population figure "dossiersHandled" is not given yet, so the target is unknown',
    );
    expect((await getSurvey(year, 'test-def-a'))?.version).toBe(1);
    expect((await listAudit(`SURVEY#${year}#test-def-a`)).map((e) => e.action)).toEqual(['survey.created']);
    const read = await api('GET', path('test-def-a'), { token: await tokens.unit('SNV') });
    expect(read.status).toBe(200);
    expect(read.body.definition.questions).toHaveLength(13);
  });

  it('refuses other roles with 403 and writes nothing', async () => {
    for (const token of [await tokens.council(), await tokens.unit('SNV'), await tokens.appraiser('SNV')]) {
      await refusedWithoutTrace('test-def-roles', 403, body('test-def-roles'), token);
    }
  });

  it('refuses a question mapped to a self-assessed leaf, naming the path, and writes nothing', async () => {
    const d = departmentSurvey();
    d.questions[2].leaf = '1.1.1';
    const problem = await refusedWithoutTrace('test-def-self', 400, body('test-def-self', { questions: d.questions }));
    expect(problem.errors).toEqual([
      { path: 'body.questions[2].leaf', message: 'leaf 1.1.1 is self-assessed; only survey leaves take questions' },
    ]);
  });

  it('refuses weights outside [0, 1], unknown groups, a missing target, and a wrong framework or unit type', async () => {
    const weights = await refusedWithoutTrace(
      'test-def-w',
      400,
      body('test-def-w', { options: { A: 1.5, B: 0.6, C: 0.2, D: 0, E: null } }),
    );
    expect(weights.errors[0]).toMatchObject({ path: 'body.options["A"]', message: expect.stringContaining('weight from 0 to 1') });
    const groups = await refusedWithoutTrace('test-def-g', 400, body('test-def-g', { targetSample: { leader: 10, visitor: 3 } }));
    expect(groups.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.targetSample["civil-servant"]', 'body.targetSample.citizen', 'body.targetSample.visitor']),
    );
    const framework = await refusedWithoutTrace('test-def-f', 400, body('test-def-f', { frameworkId: 'district-2024' }));
    expect(framework.errors[0].path).toBe('body.frameworkId');
    const noType = await refusedWithoutTrace('test-def-t', 400, { ...departmentSurvey(), id: 'test-def-t' });
    expect(noType.errors[0]).toMatchObject({ path: 'body.unitType', message: expect.stringContaining('does not list survey test-def-t') });
    const mismatch = await refusedWithoutTrace('department-survey-x', 400, body('test-other'));
    expect(mismatch.errors[0].path).toBe('body.id');
  });

  it('takes the unit type from the cycle for a listed survey and refuses a contradicting one', async () => {
    const res = await api('PUT', path('department-survey-2024'), {
      token: await tokens.admin(),
      body: body('department-survey-2024', { unitType: 'commune' }),
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors[0]).toEqual({ path: 'body.unitType', message: `cycle ${year} lists this survey for department units` });
  });

  it('replaces with optimistic locking (stale expectedVersion: 409)', async () => {
    const admin = await tokens.admin();
    await createSurvey(admin, 'test-def-v');
    const ok = await api('PUT', path('test-def-v'), {
      token: admin,
      body: { ...body('test-def-v', { groupWeights: { citizen: 2 } }), expectedVersion: 1 },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(2);
    const stale = await api('PUT', path('test-def-v'), { token: admin, body: { ...body('test-def-v'), expectedVersion: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect((await getSurvey(year, 'test-def-v'))?.version).toBe(2);
  });

  it('once responses exist, allows reweighing but refuses removing a question or an option', async () => {
    const admin = await tokens.admin();
    await createSurvey(admin, 'test-def-answered');
    const { report } = await importFile(admin, 'test-def-answered', csv([header, ['A1', 'SNV', 'leader', 'A', '', '']]));
    expect(report.accepted).toBe(1);
    const d = departmentSurvey();
    const removal = await api('PUT', path('test-def-answered'), {
      token: admin,
      body: body('test-def-answered', {
        questions: d.questions.slice(1),
        options: { A: 1, B: 0.6, C: 0.2, E: null },
        optionLabels: undefined,
      }),
    });
    expect(removal.status).toBe(409);
    expect(removal.body.code).toBe('SURVEY_ANSWERED');
    expect(removal.body.errors.map((e: { message: string }) => e.message).join('\n')).toMatch(
      /question "Q1_7_1" cannot be removed[\s\S]*option "D"/,
    );
    expect((await getSurvey(year, 'test-def-answered'))?.version).toBe(1);
    const reweigh = await api('PUT', path('test-def-answered'), {
      token: admin,
      body: body('test-def-answered', { options: { ...d.options, B: 0.5 } }),
    });
    expect(reweigh.status).toBe(200);
  });
});

describe('a cycle the council has approved', () => {
  it('refuses new definitions, imports, invitations and answers (409), writing nothing', async () => {
    const admin = await tokens.admin();
    const closedYear = 2040;
    const deadlines = Object.fromEntries(
      ['selfAssessment', 'appraisal', 'explanation', 'survey', 'finalAppraisal', 'publication'].map((n) => [
        n,
        `${closedYear}-12-31T23:59:59+07:00`,
      ]),
    );
    const cycle = await api('POST', '/v1/cycles', {
      token: admin,
      body: { year: closedYear, frameworks: { department: 'department-2024' }, surveys: { department: 'closed-survey' }, deadlines },
    });
    expect(cycle.status, JSON.stringify(cycle.body)).toBe(201);
    const surveyPath = `/v1/cycles/${closedYear}/surveys/closed-survey`;
    expect((await api('PUT', surveyPath, { token: admin, body: { ...departmentSurvey(), id: 'closed-survey' } })).status).toBe(201);
    const invited = await api('POST', `${surveyPath}/invitations`, { token: admin, body: { unitId: 'SNV', group: 'citizen', count: 1 } });
    expect(invited.status).toBe(201);
    // `approved` is reached only by the council's approval (PATCH cannot set it): put the cycle there directly.
    const open = (await getCycle(closedYear))!;
    await updateCycle(
      { subject: 'council', username: 'council', roles: ['council'], areas: [] },
      open,
      { ...open, phase: 'approved', version: open.version + 1 },
      { reason: 'Hội đồng đã thông qua' },
    );

    const audit = (await listAudit(`SURVEY#${closedYear}#closed-survey`)).length;
    const refused = [
      await api('PUT', surveyPath, { token: admin, body: { ...departmentSurvey(), id: 'closed-survey' } }),
      await api('POST', `${surveyPath}/imports`, { token: admin, body: { fileName: 'a.csv', format: 'csv' } }),
      await api('POST', `${surveyPath}/invitations`, { token: admin, body: { unitId: 'SNV', group: 'citizen', count: 1 } }),
    ];
    expect(refused.map((r) => [r.status, r.body.code])).toEqual(Array(3).fill([409, 'CYCLE_CLOSED']));
    const answer = await api('POST', '/v1/public/surveys/closed-survey/responses', {
      body: { code: invited.body.codes[0], answers: { Q3_5_1: 'A' } },
    });
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('CYCLE_CLOSED');
    expect(answer.body.detail).toBe(`cycle ${closedYear} is approved: its survey can no longer change`);
    expect((await listAudit(`SURVEY#${closedYear}#closed-survey`)).length).toBe(audit);
    expect((await getSurvey(closedYear, 'closed-survey'))?.version).toBe(1);
    // The summary stays readable.
    expect((await api('GET', `${surveyPath}/summary`, { token: await tokens.council() })).status).toBe(200);
  });
});
