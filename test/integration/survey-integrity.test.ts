/**
 * Issue 10, surveys: names that are not ids are refused (400, nothing written), a published
 * cycle's survey changes no more (409 CYCLE_PUBLISHED), and an import an outage left running is
 * taken up by the re-drive and counts every row once; an administrator re-runs a failed import.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { UpdateCommand } from '../../shared/store/dynamo/commands.ts';
import { describe, expect, it } from 'vitest';
import { ingestImport } from '../../shared/app/surveys/ingestion/ingest-upload.ts';
import { resumeStuckImports } from '../../shared/app/surveys/ingestion/resume-stuck-imports.ts';
import { ingestionStores } from '../../shared/app/surveys/ingestion/stores.ts';
import { hashCode, normaliseCode } from '../../shared/domain/invitation-codes.ts';
import { listAudit } from '../../shared/store/audit.ts';
import { bucketName, dynamo, s3, tableName } from '../../shared/store/clients.ts';
import { getInvitation } from '../../shared/store/invitations-store.ts';
import { acquireLease, getCheckpoint, releaseLease } from '../../shared/store/survey-ingest-store.ts';
import { createImport, getImport, ingestionCaller, reportRowKeys } from '../../shared/store/survey-imports-store.ts';
import { loadRespondents, readCounts } from '../../shared/store/survey-respondents-store.ts';
import { getSurvey } from '../../shared/store/surveys-store.ts';
import { api, tokens } from '../support/api.ts';
import { uploadToForm } from '../support/assessment-helpers.ts';
import { createSurvey, csv, departmentSurvey, header, importFile, summary, waitForImport, year } from '../support/survey-helpers.ts';

const audited = async (surveyId: string, y = year) => (await listAudit(`SURVEY#${y}#${surveyId}`)).length;
const unspent = async (code: string) => expect(await getInvitation(hashCode(normaliseCode(code) as string))).not.toHaveProperty('usedAt');

describe('names that are not ids', () => {
  const surveyId = 'test-integrity-keys';

  it('refuses invitations for a group named like Object machinery (400), writing nothing', async () => {
    const admin = await tokens.admin();
    await createSurvey(admin, surveyId);
    const before = await audited(surveyId);
    for (const group of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'prototype']) {
      const res = await api('POST', `/v1/cycles/${year}/surveys/${surveyId}/invitations`, {
        token: admin,
        body: { unitId: 'SNV', group, count: 1 },
      });
      expect([res.status, res.body.code], group).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.group']);
    }
    expect(await audited(surveyId)).toBe(before);
  });

  it('refuses a survey definition with groups.constructor or options.__proto__ (400, not 500), keeping the stored one', async () => {
    const admin = await tokens.admin();
    const path = `/v1/cycles/${year}/surveys/${surveyId}`;
    const d = departmentSurvey();
    const withGroup = await api('PUT', path, {
      token: admin,
      body: { ...d, id: surveyId, groups: { ...d.groups, constructor: 'Hàm tạo' } },
    });
    expect([withGroup.status, withGroup.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(withGroup.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.groups.constructor']);
    const options = JSON.parse('{"__proto__": 1, "A": 1, "B": 0.5}');
    const withProto = await api('PUT', path, { token: admin, body: { ...d, id: surveyId, options, optionLabels: undefined } });
    expect([withProto.status, withProto.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(withProto.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.options["__proto__"]']);
    expect((await getSurvey(year, surveyId))?.version).toBe(1);
  });

  it('refuses a public answer keyed __proto__ or constructor (400) and does not spend the code', async () => {
    const admin = await tokens.admin();
    const issued = await api('POST', `/v1/cycles/${year}/surveys/${surveyId}/invitations`, {
      token: admin,
      body: { unitId: 'SNV', group: 'citizen', count: 1 },
    });
    const code = issued.body.codes[0] as string;
    const online = async () => (await readCounts(year, surveyId)).filter((c) => c.source === 'online');
    for (const raw of ['{"__proto__":"A"}', '{"__proto__":"A","Q3_5_1":"A"}', '{"constructor":"A","Q3_5_1":"B"}']) {
      const res = await api('POST', `/v1/public/surveys/${surveyId}/responses`, { body: { code, answers: JSON.parse(raw) } });
      expect([res.status, res.body.code], raw).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.errors[0].path).toBe(`body.answers["${Object.keys(JSON.parse(raw))[0]}"]`);
    }
    await unspent(code);
    expect(await online()).toEqual([]);
    const ok = await api('POST', `/v1/public/surveys/${surveyId}/responses`, { body: { code, answers: { Q3_5_1: 'A' } } });
    expect(ok.status).toBe(201);
    expect((await online()).map((c) => c.counts)).toEqual([{ 'Q3_5_1=A': 1 }]);
  });
});

describe('a published cycle', () => {
  it('answers 409 CYCLE_PUBLISHED to definitions, imports, invitations, re-runs and answers, writing nothing', async () => {
    const admin = await tokens.admin();
    const y = 2089;
    const surveyId = 'published-survey';
    const deadlines = Object.fromEntries(
      ['selfAssessment', 'appraisal', 'explanation', 'survey', 'finalAppraisal', 'publication'].map((n) => [
        n,
        `${y}-12-31T23:59:59+07:00`,
      ]),
    );
    const cycle = await api('POST', '/v1/cycles', {
      token: admin,
      body: { year: y, frameworks: { department: 'department-2024' }, surveys: { department: surveyId }, deadlines },
    });
    expect(cycle.status, JSON.stringify(cycle.body)).toBe(201);
    const path = `/v1/cycles/${y}/surveys/${surveyId}`;
    expect((await api('PUT', path, { token: admin, body: { ...departmentSurvey(), id: surveyId } })).status).toBe(201);
    const invited = await api('POST', `${path}/invitations`, { token: admin, body: { unitId: 'SNV', group: 'citizen', count: 1 } });
    const pending = await api('POST', `${path}/imports`, { token: admin, body: { fileName: 'muon.csv', format: 'csv' } });
    expect([invited.status, pending.status]).toEqual([201, 201]);
    // As the publication leaves the cycle (the phase rules themselves are the cycles' own tests).
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: `CYCLE#${y}`, sk: 'META' },
        UpdateExpression: 'SET phase = :p',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':p': 'published' },
      }),
    );

    const before = await audited(surveyId, y);
    const refused = [
      await api('PUT', path, { token: admin, body: { ...departmentSurvey(), id: surveyId } }),
      await api('POST', `${path}/imports`, { token: admin, body: { fileName: 'a.csv', format: 'csv' } }),
      await api('POST', `${path}/invitations`, { token: admin, body: { unitId: 'SNV', group: 'citizen', count: 1 } }),
      await api('POST', `${path}/imports/${pending.body.importId}/rerun`, { token: admin }),
      await api('POST', `/v1/public/surveys/${surveyId}/responses`, { body: { code: invited.body.codes[0], answers: { Q3_5_1: 'A' } } }),
    ];
    expect(refused.map((r) => [r.status, r.body.code])).toEqual(Array(5).fill([409, 'CYCLE_PUBLISHED']));
    await unspent(invited.body.codes[0]);
    expect((await getSurvey(y, surveyId))?.version).toBe(1);

    // A file uploaded late for an import opened before publication is refused whole, nothing kept.
    expect(await uploadToForm(pending.body.upload, csv([header, ['P1', 'SNV', 'leader', 'A', '', '']]), 'text/csv')).toBeLessThan(300);
    const ref = { year: y, surveyId, importId: pending.body.importId };
    let stored = await getImport(ref);
    for (let i = 0; i < 300 && stored?.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      stored = await getImport(ref);
    }
    expect(stored).toMatchObject({ status: 'failed', accepted: 0, error: `cycle ${y} is published: its survey can no longer change` });
    expect((await readCounts(y, surveyId)).length).toBe(0);
    expect(await audited(surveyId, y)).toBe(before + 1); // the import's failure, by the ingestion
  });
});

const units = ['VPUBND', 'SNV', 'STP', 'SKHDT', 'STC'];

/** `rows` rows: every 97th repeats an earlier id, every 101st has an out-of-scale answer. */
function bigFile(rows: number) {
  const lines = [header.join(',')];
  const expected = { accepted: 0, duplicates: 0, rejectedCount: 0 };
  for (let i = 1; i <= rows; i++) {
    const unit = units[i % units.length];
    if (i % 101 === 0) {
      lines.push(`K${i},${unit},leader,Q,,`);
      expected.rejectedCount++;
    } else if (i % 97 === 0) {
      lines.push(`K${(i - 1) % 101 === 0 ? i - 2 : i - 1},${unit},citizen,,A,B`);
      expected.duplicates++;
    } else {
      lines.push(i % 2 ? `K${i},${unit},leader,${'ABCDE'[i % 5]},,` : `K${i},${unit},citizen,,${'ABCDE'[i % 5]},${'ABCDE'[(i + 1) % 5]}`);
      expected.accepted++;
    }
  }
  return { file: Buffer.from(`${lines.join('\n')}\n`), expected };
}

describe('an import an outage left running', () => {
  it('is taken up by resumeStuckImports() and counts every row exactly once', { timeout: 180_000 }, async () => {
    const admin = await tokens.admin();
    const surveyId = 'test-import-stuck';
    await createSurvey(admin, surveyId);
    const { file, expected } = bigFile(12_000);
    // The file sits outside the upload-event prefix, so only this test's runs ingest it.
    const importId = '20260101T000000Z-stuck00001';
    const objectKey = `redrive-test/${year}/${surveyId}/${importId}.csv`;
    const ref = { year, surveyId, importId };
    const bucket = bucketName('imports');
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: objectKey, Body: file, ContentType: 'text/csv' }));
    await createImport(ingestionCaller, {
      ...ref,
      fileName: 'mat-dien.csv',
      format: 'csv',
      objectKey,
      createdAt: new Date().toISOString(),
      createdBy: 'admin',
    });

    // The storage "fails" at the third checkpoint's progress write: the run stops with rows written past its checkpoint.
    let progress = 0;
    const outage = {
      ...ingestionStores,
      saveProgress: async (...args: Parameters<typeof ingestionStores.saveProgress>) => {
        if (++progress >= 3) throw Object.assign(new Error('storage outage'), { name: 'ServiceUnavailable' });
        return ingestionStores.saveProgress(...args);
      },
    };
    await expect(ingestImport(ref, bucket, objectKey, { checkpointRows: 2_000 }, outage)).rejects.toThrow('storage outage');
    const stuck = await getImport(ref);
    expect(stuck?.status).toBe('running');
    const checkpoint = await getCheckpoint(ref);
    const written = [...(await loadRespondents(ref)).values()].filter((h) => typeof h === 'number').length;
    expect(checkpoint?.line).toBeGreaterThanOrEqual(4_000);
    expect(written).toBeGreaterThan(checkpoint?.counts.accepted ?? 0);

    // While another import of the survey holds a live lease, the re-drive leaves it alone.
    const other = { ...ref, importId: 'someone-else' };
    expect(await acquireLease(other)).toBe(true);
    expect(await resumeStuckImports({ scope: { year, surveyId } })).toEqual([]);
    await releaseLease(other);

    expect(await resumeStuckImports({ scope: { year, surveyId } })).toEqual(['done']);
    const record = await getImport(ref);
    expect(record).toMatchObject({ status: 'done', ...expected, lines: 12_001, attempts: 2 });
    const held = await loadRespondents(ref);
    expect([...held.values()].filter((h) => typeof h === 'number').length).toBe(expected.accepted);
    expect((await reportRowKeys(ref)).length).toBe(expected.duplicates + expected.rejectedCount);
    const counts = (await readCounts(year, surveyId)).filter((c) => c.source === `import:${importId}`);
    expect(counts.reduce((n, c) => n + c.responses, 0)).toBe(expected.accepted);
    const responses = (await summary(admin, surveyId)).units.reduce(
      (n, u) => n + Object.values(u.groups).reduce((a, g) => a + g.responses, 0),
      0,
    );
    expect(responses).toBe(expected.accepted);
    // Nothing left to take up: a second sweep does nothing.
    expect(await resumeStuckImports({ scope: { year, surveyId } })).toEqual([]);
  });
});

describe('re-running a failed import', () => {
  it('puts it back to pending (audited), and the re-drive ingests the same file again', async () => {
    const admin = await tokens.admin();
    const surveyId = 'test-import-rerun';
    const d = departmentSurvey();
    // The definition lacks Q3_5_2, which the file has: the header refuses the whole file.
    await createSurvey(admin, surveyId, { questions: d.questions.filter((q: { id: string }) => q.id !== 'Q3_5_2') });
    const file = csv([header, ['R1', 'SNV', 'leader', 'A', '', ''], ['R2', 'STP', 'citizen', '', 'B', 'C']]);
    const { importId, report } = await importFile(admin, surveyId, file);
    expect(report.status).toBe('failed');
    expect(report.error).toContain('"Q3_5_2" is not a question of this survey');
    const path = `/v1/cycles/${year}/surveys/${surveyId}/imports/${importId}`;

    // Fixed definition, then the re-run.
    await createSurvey(admin, surveyId);
    const rerun = await api('POST', `${path}/rerun`, { token: admin });
    expect(rerun.status, JSON.stringify(rerun.body)).toBe(202);
    expect(rerun.body).toMatchObject({ importId, status: 'pending', accepted: 0 });
    expect(rerun.body).not.toHaveProperty('error');
    const again = await api('POST', `${path}/rerun`, { token: admin });
    expect([again.status, again.body.code]).toEqual([409, 'STATE_CONFLICT']);
    expect((await listAudit(`SURVEY#${year}#${surveyId}`)).filter((e) => e.action === 'survey.import.rerun')).toHaveLength(1);

    expect(await resumeStuckImports({ scope: { year, surveyId } })).toEqual(['done']);
    const done = await waitForImport(admin, surveyId, importId);
    expect(done).toMatchObject({ status: 'done', accepted: 2, duplicates: 0, rejectedCount: 0, lines: 3 });
    const counts = (await readCounts(year, surveyId)).filter((c) => c.source === `import:${importId}`);
    expect(counts.reduce((n, c) => n + c.responses, 0)).toBe(2);
    const missing = await api('POST', `/v1/cycles/${year}/surveys/${surveyId}/imports/nope/rerun`, { token: admin });
    expect([missing.status, missing.body.code]).toEqual([404, 'IMPORT_NOT_FOUND']);
  });
});
