/** One-time codes: issued by the admin (stored hashed), spent once on the public route with no sign-in. */
import { GetCommand } from '../../shared/store/dynamo/commands.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashCode, newCode, normaliseCode } from '../../shared/domain/invitation-codes.ts';
import { listAudit } from '../../shared/store/audit.ts';
import { dynamo, tableName } from '../../shared/store/clients.ts';
import { getInvitation } from '../../shared/store/invitations-store.ts';
import { invitationKey } from '../../shared/store/entities/invitation.ts';
import { readCounts } from '../../shared/store/survey-respondents-store.ts';
import { api, tokens } from '../support/api.ts';
import { createSurvey, year } from '../support/survey-helpers.ts';

const surveyId = 'test-invitations';
const otherSurveyId = 'test-invitations-other';
const respond = (code: string, answers: Record<string, string | null>, survey = surveyId) =>
  api('POST', `/v1/public/surveys/${survey}/responses`, { body: { code, answers } });
const onlineCounts = async (survey = surveyId) => (await readCounts(year, survey)).filter((c) => c.source === 'online');

async function issue(unitId: string, group: string, count: number, survey = surveyId) {
  const res = await api('POST', `/v1/cycles/${year}/surveys/${survey}/invitations`, {
    token: await tokens.admin(),
    body: { unitId, group, count },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.codes as string[];
}

describe('survey invitations and public responses', () => {
  beforeAll(async () => {
    const admin = await tokens.admin();
    await createSurvey(admin, surveyId);
    await createSurvey(admin, otherSurveyId);
  });

  it('issues distinct codes bound to a unit and group, stored only as hashes, audited', async () => {
    const codes = await issue('SNV', 'citizen', 3);
    expect(new Set(codes).size).toBe(3);
    for (const code of codes) {
      const hash = hashCode(normaliseCode(code) as string);
      expect(await getInvitation(hash)).toMatchObject({ year, surveyId, unitId: 'SNV', group: 'citizen' });
      const raw = (await dynamo().send(new GetCommand({ TableName: tableName(), Key: invitationKey(hash) }))).Item;
      expect(JSON.stringify(raw)).not.toContain(normaliseCode(code));
      expect(JSON.stringify(raw)).not.toContain(code);
    }
    const audit = (await listAudit(`SURVEY#${year}#${surveyId}`)).filter((e) => e.action === 'survey.invitations.created');
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(codes[0]);
  });

  it('refuses invitations for an unknown unit or group, too many codes, or another role, writing nothing', async () => {
    const before = (await listAudit(`SURVEY#${year}#${surveyId}`)).length;
    const path = `/v1/cycles/${year}/surveys/${surveyId}/invitations`;
    const admin = await tokens.admin();
    const bad = await api('POST', path, { token: admin, body: { unitId: 'H-BATRI', group: 'farmer', count: 2 } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.unitId', 'body.group']);
    expect((await api('POST', path, { token: admin, body: { unitId: 'SNV', group: 'citizen', count: 100 } })).status).toBe(400);
    expect((await api('POST', path, { token: admin, body: { unitId: 'SNV', group: 'citizen', count: 0 } })).status).toBe(400);
    for (const token of [await tokens.council(), await tokens.unit('SNV'), await tokens.appraiser('SNV')]) {
      expect((await api('POST', path, { token, body: { unitId: 'SNV', group: 'citizen', count: 1 } })).status).toBe(403);
    }
    expect((await listAudit(`SURVEY#${year}#${surveyId}`)).length).toBe(before);
  });

  it('accepts a response without sign-in, once; the code answers for its own unit and group', async () => {
    const [code] = await issue('STP', 'citizen', 1);
    const first = await respond(code as string, { Q3_5_1: 'A', Q3_5_2: 'B', Q3_5_3: null });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toEqual({ surveyId, unitId: 'STP', group: 'citizen', answered: 2 });
    const second = await respond(code as string, { Q3_5_1: 'D' });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('INVITATION_USED');
    expect(second.body.detail).toBe('this invitation code has already been used');
    // Typed by hand: lower case, no dashes, O for 0 and I for 1 are the same code.
    const [typed] = await issue('STP', 'citizen', 1);
    const sloppy = (typed as string).toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'i');
    expect((await respond(sloppy, { Q3_5_1: 'C' })).status).toBe(201);
    const stp = (await onlineCounts()).find((c) => c.unitId === 'STP' && c.group === 'citizen');
    expect(stp).toMatchObject({ responses: 2, counts: { 'Q3_5_1=A': 1, 'Q3_5_2=B': 1, 'Q3_5_1=C': 1 } });
  });

  it('refuses forged, malformed and other surveys\u2019 codes alike (404), writing nothing', async () => {
    const before = await onlineCounts();
    for (const code of [newCode(), 'not-a-code', 'AAAA-AAAA-AAAU']) {
      const res = await respond(code, { Q3_5_1: 'A' });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('INVITATION_UNKNOWN');
      expect(res.body.detail).toBe('this invitation code is not valid for this survey');
    }
    const [foreign] = await issue('SNV', 'citizen', 1, otherSurveyId);
    expect((await respond(foreign as string, { Q3_5_1: 'A' })).status).toBe(404);
    expect(await getInvitation(hashCode(normaliseCode(foreign as string) as string))).not.toHaveProperty('usedAt');
    expect((await respond(foreign as string, { Q3_5_1: 'A' }, otherSurveyId)).status).toBe(201);
    expect(await onlineCounts()).toEqual(before);
  });

  it('refuses invalid answers with the question named, leaving the code unused', async () => {
    const [code] = await issue('SNV', 'leader', 1);
    const before = await onlineCounts();
    const res = await respond(code as string, { Q1_7_1: 'F', Q3_5_1: 'A', Q99: 'A' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual([
      { path: 'body.answers["Q1_7_1"]', message: 'answer "F" is not one of the options A, B, C, D, E' },
      { path: 'body.answers["Q3_5_1"]', message: 'is not asked of group "leader"' },
      { path: 'body.answers["Q99"]', message: 'is not a question of this survey' },
    ]);
    expect((await respond(code as string, { Q1_7_1: null })).status).toBe(400); // nothing answered
    expect(await onlineCounts()).toEqual(before);
    expect(await getInvitation(hashCode(normaliseCode(code as string) as string))).not.toHaveProperty('usedAt');
    expect((await respond(code as string, { Q1_7_1: 'B' })).status).toBe(201);
  });

  it('lets exactly one of two simultaneous submissions of a code through', async () => {
    const [code] = await issue('SCT', 'citizen', 1);
    const results = await Promise.all([respond(code as string, { Q3_5_1: 'A' }), respond(code as string, { Q3_5_1: 'B' })]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)?.body.code).toBe('INVITATION_USED');
    const sct = (await onlineCounts()).find((c) => c.unitId === 'SCT');
    expect(sct?.responses).toBe(1);
  });
});
