/**
 * The survey rules against memory stores: who may answer with which code and when, what a
 * refused answer leaves behind (nothing), names that are not ids, and the published cycle.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { createInvitations } from '../../shared/app/surveys/create-invitations.ts';
import { createSurveyImport } from '../../shared/app/surveys/create-survey-import.ts';
import { putSurvey } from '../../shared/app/surveys/put-survey.ts';
import { rerunSurveyImport } from '../../shared/app/surveys/rerun-survey-import.ts';
import { submitSurveyResponse } from '../../shared/app/surveys/submit-survey-response.ts';
import { DomainError } from '../../shared/domain/errors.ts';
import type { Caller } from '../../shared/domain/roles.ts';
import { publicResponseBody } from '../../shared/schemas/api/survey-api.ts';
import { putSurveyBody } from '../../shared/schemas/files/survey-definition.ts';
import { memorySurveyStores, type MemorySurveys } from '../support/memory-surveys-stores.ts';

const year = 2031;
const surveyId = 'department-survey-2024';
const admin: Caller = { subject: 'a', username: 'admin', roles: ['admin'], areas: [] };
const anonymous: Caller = { subject: 'anonymous', username: 'anonymous', roles: [], areas: [] };
const definition = () => putSurveyBody.parse(JSON.parse(readFileSync('reference/surveys/department-survey-2024.json', 'utf8')));

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

function present<T>(value: T | undefined): T {
  expect(value).toBeDefined();
  return value as T;
}

let stores: MemorySurveys;
let codes: string[];

beforeEach(async () => {
  stores = memorySurveyStores(year);
  await putSurvey(admin, { ...definition(), year, surveyId }, stores);
  ({ codes } = await createInvitations(admin, { year, surveyId, unitId: 'SNV', group: 'citizen', count: 3 }, stores));
});

const answer = (code: string, answers: Record<string, string | null> = { Q3_5_1: 'A' }, now?: Date) =>
  submitSurveyResponse(anonymous, { surveyId, code, answers }, stores, now);

const spent = () => [...stores.invitations.values()].filter((i) => i.usedAt).length;

describe('a public answer', () => {
  it('counts once per code: the second use of a code is INVITATION_USED and changes nothing', async () => {
    expect(await answer(codes[0] as string)).toEqual({ surveyId, unitId: 'SNV', group: 'citizen', answered: 1 });
    const again = await refusal(answer(codes[0] as string, { Q3_5_1: 'B' }));
    expect(again.code).toBe('INVITATION_USED');
    expect(stores.counts).toHaveLength(1);
    expect(stores.counts[0]?.counts).toEqual({ 'Q3_5_1=A': 1 });
  });

  it('gives unknown, malformed and other surveys’ codes the same INVITATION_UNKNOWN', async () => {
    for (const code of ['ZZZZ-ZZZZ-ZZZZ', 'not a code']) expect((await refusal(answer(code))).code).toBe('INVITATION_UNKNOWN');
    const other = await refusal(
      submitSurveyResponse(anonymous, { surveyId: 'other', code: codes[0] as string, answers: { Q3_5_1: 'A' } }, stores),
    );
    expect(other.code).toBe('INVITATION_UNKNOWN');
    expect(spent()).toBe(0);
  });

  it('is SURVEY_CLOSED after the survey deadline, and the code stays unspent', async () => {
    const late = new Date(Date.parse(stores.cycles.get(year)?.deadlines.survey as string) + 1000);
    expect((await refusal(answer(codes[0] as string, undefined, late))).code).toBe('SURVEY_CLOSED');
    expect(spent()).toBe(0);
    expect(await answer(codes[0] as string)).toMatchObject({ answered: 1 });
  });

  it('refuses inherited and reserved keys as answers and spends nothing', async () => {
    for (const raw of ['{"__proto__":"A"}', '{"constructor":"A","Q3_5_1":"A"}', '{"toString":"A"}']) {
      const parsed = publicResponseBody.safeParse({ code: codes[0], answers: JSON.parse(raw) });
      expect(parsed.success, raw).toBe(false);
      // Past the schema too (another adapter): the use case reads own keys only and knows no such question.
      const direct = await refusal(answer(codes[0] as string, JSON.parse(raw)));
      expect(direct.code).toBe('VALIDATION_FAILED');
      expect(direct.details.errors?.map((e) => e.path)).toContain(`answers["${Object.keys(JSON.parse(raw))[0]}"]`);
    }
    expect(spent()).toBe(0);
  });

  it('reports answers to questions not asked of the code’s group with input-relative paths', async () => {
    const wrong = await refusal(answer(codes[0] as string, { Q1_7_1: 'A' }));
    expect(wrong.details.errors).toEqual([{ path: 'answers["Q1_7_1"]', message: 'is not asked of group "citizen"' }]);
    expect(spent()).toBe(0);
  });

  it('is INVITATION_MISMATCH when the code’s group left the survey', async () => {
    const changed = definition();
    stores.surveys.set(`${year}/${surveyId}`, {
      ...present(stores.surveys.get(`${year}/${surveyId}`)),
      definition: { ...changed, groups: { leader: 'L', 'civil-servant': 'C' }, targetSample: { leader: 10, 'civil-servant': 10 } },
    });
    expect((await refusal(answer(codes[0] as string))).code).toBe('INVITATION_MISMATCH');
    expect(spent()).toBe(0);
  });
});

describe('names that are not ids', () => {
  it('refuses invitations for a group named constructor (or any name the group map does not own)', async () => {
    for (const group of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'nobody']) {
      const refused = await refusal(createInvitations(admin, { year, surveyId, unitId: 'SNV', group, count: 1 }, stores));
      expect(refused.code).toBe('VALIDATION_FAILED');
      expect(refused.details.errors?.[0]?.path).toBe('group');
    }
    expect(stores.invitations.size).toBe(3);
  });

  it('refuses a survey definition with groups.constructor or options.__proto__ at the schema', () => {
    const raw = JSON.parse(readFileSync('reference/surveys/department-survey-2024.json', 'utf8'));
    const withGroup = putSurveyBody.safeParse({ ...raw, groups: { ...raw.groups, constructor: 'x' } });
    expect(withGroup.error?.issues.map((i) => i.path.join('.'))).toEqual(['groups.constructor']);
    const withProto = putSurveyBody.safeParse({ ...raw, options: JSON.parse('{"__proto__":1,"A":1}') });
    expect(withProto.error?.issues.map((i) => i.path.join('.'))).toEqual(['options.__proto__']);
  });
});

describe('a published cycle', () => {
  it('refuses definitions, imports, invitations, re-runs and answers with CYCLE_PUBLISHED', async () => {
    const cycle = stores.cycles.get(year);
    stores.cycles.set(year, { ...(cycle as NonNullable<typeof cycle>), phase: 'published' });
    const attempts = [
      putSurvey(admin, { ...definition(), year, surveyId }, stores),
      createSurveyImport(admin, { year, surveyId, fileName: 'a.csv', format: 'csv' }, stores),
      createInvitations(admin, { year, surveyId, unitId: 'SNV', group: 'citizen', count: 1 }, stores),
      answer(codes[0] as string),
    ];
    for (const attempt of attempts) expect((await refusal(attempt)).code).toBe('CYCLE_PUBLISHED');
    expect(spent()).toBe(0);
    expect(stores.imports.size).toBe(0);
    expect(stores.invitations.size).toBe(3);
    expect(stores.surveys.get(`${year}/${surveyId}`)?.version).toBe(1);
  });

  it('refuses re-running an import once published, and re-runs only failed imports before', async () => {
    const created = await createSurveyImport(admin, { year, surveyId, fileName: 'a.csv', format: 'csv' }, stores);
    const ref = { year, surveyId, importId: created.importId };
    expect((await refusal(rerunSurveyImport(admin, ref, stores))).code).toBe('STATE_CONFLICT');
    const key = `${year}/${surveyId}/${created.importId}`;
    stores.imports.set(key, { ...present(stores.imports.get(key)), status: 'failed', error: 'header: ...' });
    expect(await rerunSurveyImport(admin, ref, stores)).toMatchObject({ status: 'pending' });
    expect(stores.audit).toContain('survey.import.rerun');
    stores.imports.set(key, { ...present(stores.imports.get(key)), status: 'failed' });
    const cycle = stores.cycles.get(year);
    stores.cycles.set(year, { ...(cycle as NonNullable<typeof cycle>), phase: 'published' });
    expect((await refusal(rerunSurveyImport(admin, ref, stores))).code).toBe('CYCLE_PUBLISHED');
    expect(stores.imports.get(key)?.status).toBe('failed');
    expect((await refusal(rerunSurveyImport(admin, { ...ref, importId: 'nope' }, stores))).code).toBe('IMPORT_NOT_FOUND');
  });
});
