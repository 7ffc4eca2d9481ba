/** The survey desk's tests (tag SRV, years 2181-2189): a cycle of their own with the commune survey under its own id. */
import { readFileSync } from 'node:fs';
import { api } from './api.ts';
import { cycleDeadlines } from './assessment-helpers.ts';

export const communeSurvey = () => JSON.parse(readFileSync('reference/surveys/commune-survey-2024.json', 'utf8'));

/** Opens `year` for communes with the survey `surveyId` (the reference commune survey), once per runtime. */
export async function openSurveyYear(admin: string, year: number, surveyId: string) {
  const existing = await api('GET', `/v1/cycles/${year}`, { token: admin });
  if (existing.status === 404) {
    const opened = await api('POST', '/v1/cycles', {
      token: admin,
      body: { year, frameworks: { commune: 'commune-2024' }, surveys: { commune: surveyId }, deadlines: cycleDeadlines(year) },
    });
    if (opened.status !== 201) throw new Error(`cycle ${year}: ${opened.status} ${JSON.stringify(opened.body)}`);
  }
  const survey = await api('GET', `/v1/cycles/${year}/surveys/${surveyId}`, { token: admin });
  if (survey.status === 200) return survey.body;
  const body = { ...communeSurvey(), id: surveyId, name: `Phiếu khảo sát thử ${year}` };
  const put = await api('PUT', `/v1/cycles/${year}/surveys/${surveyId}`, { token: admin, body });
  if (put.status !== 200 && put.status !== 201) throw new Error(`survey ${surveyId}: ${put.status} ${JSON.stringify(put.body)}`);
  return put.body;
}
