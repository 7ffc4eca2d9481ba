/**
 * What the survey desk and the public answer page read: the import's line count and progress,
 * the invitations' answer links on the console's origin, and the public view of one code.
 */
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLocalApi } from '../../infra/local/http-adapter.ts';
import { createVerifier } from '../../infra/local/jwt.ts';
import { PublicThrottle } from '../../infra/local/public-throttle.ts';
import { getImport } from '../../shared/store/survey-imports-store.ts';
import { api, tokens } from '../support/api.ts';
import { uploadToForm } from '../support/assessment-helpers.ts';
import { openSurveyYear } from '../support/survey-desk-helpers.ts';

const year = 2181;
const surveyId = 'srv-commune-2181';
const base = `/v1/cycles/${year}/surveys/${surveyId}`;

async function waitDone(admin: string, importId: string) {
  for (let i = 0; i < 300; i++) {
    const res = await api('GET', `${base}/imports/${importId}`, { token: admin });
    if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('import did not finish');
}

describe('survey desk', () => {
  let admin: string;
  beforeAll(async () => {
    admin = await tokens.admin();
    await openSurveyYear(admin, year, surveyId);
  });

  it('counts the file before reading it: totalLines on the record, lines read up to it', async () => {
    const rows = ['respondentId,unitId,group,Q1_7_1,Q4_5_1'];
    for (let i = 1; i <= 30; i++) rows.push(`SRV-R${i},X-BATRI-MY-HOA,citizen,${i % 7 === 0 ? 'Z' : 'A'},`);
    rows.push('', ''); // one blank line after the last row: a line of the file, not a response
    const file = Buffer.from(rows.join('\r\n'), 'utf8');
    const created = await api('POST', `${base}/imports`, { token: admin, body: { fileName: 'phieu.csv', format: 'csv' } });
    expect(created.status).toBe(201);
    expect(await uploadToForm(created.body.upload, file, 'text/csv')).toBeLessThan(300);
    const report = await waitDone(admin, created.body.importId);
    expect(report).toMatchObject({ status: 'done', totalLines: 32, accepted: 26, rejectedCount: 4, lines: 31 });
    expect(report.rejected.map((r: { line: number }) => r.line)).toEqual([8, 15, 22, 29]);
    expect((await getImport({ year, surveyId, importId: created.body.importId }))?.totalLines).toBe(32);
    const listed = await api('GET', `${base}/imports`, { token: admin });
    expect(listed.body.imports[0]).toMatchObject({ importId: created.body.importId, status: 'done', totalLines: 32, lines: 31 });
    expect(listed.body.imports[0].rejected).toBeUndefined();
    expect((await api('GET', `${base}/imports`, { token: await tokens.council() })).status).toBe(403);
  });

  it('answers invitation links on the console origin, and the public view of a code', async () => {
    const res = await api('POST', `${base}/invitations`, { token: admin, body: { unitId: 'X-BATRI-MY-HOA', group: 'citizen', count: 2 } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const origin = new URL(process.env.CONSOLE_URL as string).origin;
    expect(res.body.links).toEqual(res.body.codes.map((code: string) => ({ code, url: `${origin}/tra-loi/${code}` })));

    const [code] = res.body.codes as string[];
    const view = await api('GET', `/v1/public/survey-invitations/${code}`);
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    expect(view.body.unitName).toBe('Xã Mỹ Hòa');
    expect(view.body.groupLabel).toBe('Người dân, tổ chức giao dịch thủ tục hành chính');
    // Only the citizens' questions, with their labels; nothing about other units or codes.
    expect(view.body.questions.map((q: { id: string }) => q.id)).not.toContain('Q4_5_1');
    expect(view.body.questions[0]).toMatchObject({ id: 'Q1_7_1', options: expect.arrayContaining([{ key: 'A', label: 'Rất tốt' }]) });
    expect(Object.keys(view.body).sort()).toEqual(['groupLabel', 'questions', 'surveyId', 'surveyName', 'unitName']);

    expect((await api('POST', `/v1/public/surveys/${surveyId}/responses`, { body: { code, answers: { Q1_7_1: 'A' } } })).status).toBe(201);
    const used = await api('GET', `/v1/public/survey-invitations/${code}`);
    expect([used.status, used.body.code]).toEqual([409, 'INVITATION_USED']);
    const unknown = await api('GET', `/v1/public/survey-invitations/ABCD-EFGH-JKMN`);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'INVITATION_UNKNOWN']);
    const garbage = await api('GET', `/v1/public/survey-invitations/not-a-code`);
    expect(garbage.body.code).toBe('INVITATION_UNKNOWN');
  });

  it('throttles public routes in the local adapter when asked (npm start), per client and route', async () => {
    const server = createLocalApi({
      verifier: await createVerifier(),
      publicThrottle: new PublicThrottle({ rateLimit: 0.01, burstLimit: 5 }),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await fetch(`${url}/v1/public/survey-invitations/not-a-code`)).status);
      expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429]);
      const refused = await fetch(`${url}/v1/public/survey-invitations/not-a-code`);
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { code: string }).code).toBe('TOO_MANY_REQUESTS');
      // Another public route has its own bucket; signed-in routes are not throttled here.
      expect((await fetch(`${url}/v1/public/results`)).status).not.toBe(429);
      expect((await fetch(`${url}/v1/units`, { headers: { authorization: `Bearer ${admin}` } })).status).toBe(200);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
