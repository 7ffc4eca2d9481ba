/**
 * Opening a cycle carries the previous cycle's surveys over (re-keyed to the ids the new cycle
 * names) when they answer the same framework; otherwise the answer lists what is left to define.
 */
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../shared/store/audit.ts';
import { surveyAuditSubject } from '../../shared/store/entities/survey.ts';
import { getSurvey } from '../../shared/store/surveys-store.ts';
import { api, tokens } from '../support/api.ts';
import { cycleDeadlines, referenceFramework } from '../support/assessment-helpers.ts';
import { departmentSurvey } from '../support/survey-helpers.ts';

const [first, second, third] = [2051, 2052, 2053];
const surveyOf = (year: number) => `khao-sat-so-${year}`;

async function open(year: number, frameworkId = 'department-2024') {
  const body = { year, frameworks: { department: frameworkId }, surveys: { department: surveyOf(year) }, deadlines: cycleDeadlines(year) };
  const res = await api('POST', '/v1/cycles', { token: await tokens.admin(), body });
  expect(res.status).toBe(201);
  return res.body as { surveysToDefine: { unitType: string; surveyId: string; reason: string }[] };
}

describe('survey carry-over', () => {
  it('copies the previous cycle survey under the new id, audited, and lists nothing left to define', async () => {
    const admin = await tokens.admin();
    const opened = await open(first);
    expect(opened.surveysToDefine.map((s) => s.surveyId)).toEqual([surveyOf(first)]);
    const definition = { ...departmentSurvey(), id: surveyOf(first), name: 'Phiếu khảo sát sở, ngành' };
    expect((await api('PUT', `/v1/cycles/${first}/surveys/${surveyOf(first)}`, { token: admin, body: definition })).status).toBe(201);

    const next = await open(second);
    expect(next.surveysToDefine).toEqual([]);
    const copied = await api('GET', `/v1/cycles/${second}/surveys/${surveyOf(second)}`, { token: admin });
    expect(copied.status).toBe(200);
    const stored = await getSurvey(second, surveyOf(second));
    expect(stored).toMatchObject({ version: 1, unitType: 'department', frameworkId: 'department-2024' });
    expect(stored?.definition).toMatchObject({ id: surveyOf(second), name: 'Phiếu khảo sát sở, ngành', questions: definition.questions });
    const [event] = await listAudit(surveyAuditSubject(second, surveyOf(second)));
    expect(event).toMatchObject({ action: 'survey.carried-over', after: { from: `${first}/${surveyOf(first)}` } });
  });

  it('does not copy a survey into a cycle with another framework, and says so', async () => {
    const admin = await tokens.admin();
    const frameworkId = 'department-i11-khac';
    const framework = { ...referenceFramework('department'), id: frameworkId, name: 'Bộ chỉ số sở, ngành mới' };
    expect((await api('PUT', `/v1/frameworks/${frameworkId}`, { token: admin, body: framework })).status).toBe(200);
    const opened = await open(third, frameworkId);
    expect(opened.surveysToDefine).toEqual([
      { unitType: 'department', surveyId: surveyOf(third), reason: expect.stringContaining(frameworkId) },
    ]);
    expect((await api('GET', `/v1/cycles/${third}/surveys/${surveyOf(third)}`, { token: admin })).status).toBe(404);
    expect(await listAudit(surveyAuditSubject(third, surveyOf(third)))).toEqual([]);
  });
});
