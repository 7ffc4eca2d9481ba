/**
 * Bulk survey imports through the local runtime: presigned POST into the imports bucket, the S3
 * emulator's upload event, the ingestion function in its own process, the report read back
 * through the API and the stored respondents and counts read back through the store.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../shared/store/audit.ts';
import { getImport, listImports, reportRowKeys } from '../../shared/store/survey-imports-store.ts';
import { loadRespondents, readCounts } from '../../shared/store/survey-respondents-store.ts';
import { api, tokens } from '../support/api.ts';
import { uploadToForm } from '../support/assessment-helpers.ts';
import { createSurvey, csv, header, importFile, startImport, summary, waitForImport, year } from '../support/survey-helpers.ts';

const surveyId = 'test-imports';
const ref = (importId: string) => ({ year, surveyId, importId });

async function respondentsOf(importId: string) {
  const held = await loadRespondents(ref(importId));
  return [...held.values()].filter((h) => typeof h === 'number').length;
}

describe('survey imports', () => {
  beforeAll(async () => {
    await createSurvey(await tokens.admin(), surveyId);
  });

  it('reports good rows, duplicates, out-of-scale answers and unknown units by line (BOM, CRLF)', async () => {
    const admin = await tokens.admin();
    const file = csv(
      [
        header,
        ['R001', 'SNV', 'leader', 'A', '', ''],
        ['R002', 'SNV', 'citizen', '', 'B', 'C'],
        ['R003', 'SXX', 'citizen', '', 'A', 'A'], // unknown unit
        ['R004', 'STP', 'citizen', '', 'F', 'A'], // out of scale
        ['R001', 'STP', 'leader', 'B', '', ''], // duplicate of line 2
        ['R005', 'H-BATRI', 'leader', 'A', '', ''], // a district, not a department
        ['R006', 'STP', 'leader', 'E', '', ''], // "no opinion": a response, no weight
        ['R007', 'STP', 'citizen', 'A', 'A', ''], // Q1_7_1 is not asked of citizens
      ],
      { bom: true, crlf: true },
    );
    const { importId, report } = await importFile(admin, surveyId, file);
    expect(report).toMatchObject({ status: 'done', accepted: 3, duplicates: 1, rejectedCount: 4, lines: 9 });
    expect(report.rejected).toEqual([
      { line: 4, respondentId: 'R003', reason: 'unit "SXX" is not a department unit of this survey' },
      { line: 5, respondentId: 'R004', reason: 'Q3_5_1: answer "F" is not one of the options A, B, C, D, E' },
      { line: 7, respondentId: 'R005', reason: 'unit "H-BATRI" is not a department unit of this survey' },
      { line: 9, respondentId: 'R007', reason: 'Q1_7_1: is not asked of group "citizen"' },
    ]);
    expect(report.duplicateRows).toEqual([{ line: 6, respondentId: 'R001', reason: 'respondentId already counted (line 2 of this file)' }]);
    // Read back: three respondents, counts per (unit, group) that add up to them.
    expect(await respondentsOf(importId)).toBe(3);
    const counts = (await readCounts(year, surveyId)).filter((c) => c.source === `import:${importId}`);
    expect(counts.map((c) => [c.unitId, c.group, c.responses, c.counts]).sort()).toEqual([
      ['SNV', 'citizen', 1, { 'Q3_5_1=B': 1, 'Q3_5_2=C': 1 }],
      ['SNV', 'leader', 1, { 'Q1_7_1=A': 1 }],
      ['STP', 'leader', 1, { 'Q1_7_1=E': 1 }],
    ]);
    const actions = (await listAudit(`SURVEY#${year}#${surveyId}`)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['survey.import.created', 'survey.import.done']));
  });

  it('counts a respondent once across files and re-uploads of the same file', async () => {
    const admin = await tokens.admin();
    const file = csv([
      header,
      ['S001', 'SKHDT', 'leader', 'A', '', ''],
      ['S002', 'SKHDT', 'leader', 'C', '', ''],
      ['R002', 'SKHDT', 'leader', 'B', '', ''],
    ]);
    const first = await importFile(admin, surveyId, file);
    expect(first.report).toMatchObject({ accepted: 2, duplicates: 1 });
    expect(first.report.duplicateRows[0].reason).toMatch(/^respondentId already counted \(import \d{8}T\d{6}Z-[0-9a-f]+\)$/);
    const before = (await summary(admin, surveyId)).units.find((u) => u.unitId === 'SKHDT');

    const again = await importFile(admin, surveyId, file);
    expect(again.report).toMatchObject({ status: 'done', accepted: 0, duplicates: 3, rejectedCount: 0 });
    expect(await respondentsOf(again.importId)).toBe(0);
    expect((await summary(admin, surveyId)).units.find((u) => u.unitId === 'SKHDT')).toEqual(before);
    expect(before?.groups.leader?.responses).toBe(2);
  });

  it('ignores a second upload to an import that is already done', async () => {
    const admin = await tokens.admin();
    const created = await startImport(admin, surveyId);
    const file = csv([header, ['T001', 'SCT', 'leader', 'A', '', '']]);
    expect(await uploadToForm(created.upload, file, 'text/csv')).toBeLessThan(300);
    const done = await waitForImport(admin, surveyId, created.importId);
    expect(done.accepted).toBe(1);
    const other = csv([header, ['T002', 'SCT', 'leader', 'A', '', ''], ['T003', 'SCT', 'leader', 'A', '', '']]);
    expect(await uploadToForm(created.upload, other, 'text/csv')).toBeLessThan(300);
    await new Promise((r) => setTimeout(r, 4000)); // time for the event's invocation to come and go
    expect(await getImport(ref(created.importId))).toMatchObject({ status: 'done', accepted: 1 });
    expect(await respondentsOf(created.importId)).toBe(1);
  });

  it('refuses a Windows-1258 file with a clear message and keeps nothing of it', async () => {
    const admin = await tokens.admin();
    // Valid rows first, past a checkpoint, then a legacy-encoded respondent id (ễ as 0xEA 0xDE).
    const rows = Array.from({ length: 12_000 }, (_, i) => `W${i},SNV,leader,A,,`).join('\n');
    const file = Buffer.concat([
      Buffer.from(`${header.join(',')}\n${rows}\nNguy`),
      Buffer.from([0xea, 0xde, 0x6e]),
      Buffer.from(',SNV,leader,A,,\n'),
    ]);
    const { importId, report } = await importFile(admin, surveyId, file);
    expect(report.status).toBe('failed');
    expect(report.error).toMatch(/not UTF-8: line 12002 .*Windows-1258.*CSV UTF-8/);
    expect(report).toMatchObject({ accepted: 0, duplicates: 0, rejectedCount: 0, rejected: [] });
    expect(await respondentsOf(importId)).toBe(0);
    expect(await reportRowKeys(ref(importId))).toEqual([]);
    expect((await readCounts(year, surveyId)).some((c) => c.source === `import:${importId}`)).toBe(false);
  });

  it('refuses a file whose header is not the survey format', async () => {
    const admin = await tokens.admin();
    const { report } = await importFile(
      admin,
      surveyId,
      csv([
        ['id', 'unit', 'group', 'Q9'],
        ['X1', 'SNV', 'leader', 'A'],
      ]),
    );
    expect(report.status).toBe('failed');
    expect(report.error).toMatch(/header: column 1 must be "respondentId", found "id".*"Q9" is not a question/);
  });

  it('imports an XLSX file with the same columns', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Phiếu');
    sheet.addRow(header);
    sheet.addRow(['X001', 'SYT', 'citizen', '', 'A', 'B']);
    sheet.addRow(['X002', 'SYT', 'leader', 'D']);
    sheet.addRow(['X003', 'SYT', 'leader', 'Z']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const { report } = await importFile(await tokens.admin(), surveyId, file, 'xlsx', 'phiếu-sở-y-tế.xlsx');
    expect(report).toMatchObject({ status: 'done', format: 'xlsx', fileName: 'phiếu-sở-y-tế.xlsx', accepted: 2, rejectedCount: 1 });
    expect(report.rejected).toEqual([
      { line: 4, respondentId: 'X003', reason: 'Q1_7_1: answer "Z" is not one of the options A, B, C, D, E' },
    ]);
  });

  it('pages a long row report (1000 rows a page, in line order)', async () => {
    const admin = await tokens.admin();
    const rows = Array.from({ length: 1500 }, (_, i) => [`Z${i}`, 'SNV', 'leader', 'F', '', '']);
    const { importId, report } = await importFile(admin, surveyId, csv([header, ...rows]));
    expect(report).toMatchObject({ status: 'done', accepted: 0, rejectedCount: 1500 });
    expect(report.rejected).toHaveLength(1000);
    expect(report.rejected[999].line).toBe(1001);
    expect(report.nextAfter).toBe(1001);
    const next = await waitForImport(admin, surveyId, importId, 10_000, report.nextAfter);
    expect(next.rejected.map((r: { line: number }) => r.line)).toEqual(Array.from({ length: 500 }, (_, i) => 1002 + i));
    expect(next.nextAfter).toBeUndefined();
  });

  it('refuses bad import requests, other roles and unknown surveys, writing nothing', async () => {
    const admin = await tokens.admin();
    const before = (await listImports(year, surveyId)).length;
    const path = `/v1/cycles/${year}/surveys/${surveyId}/imports`;
    expect((await api('POST', path, { token: admin, body: { fileName: 'a.ods', format: 'ods' } })).status).toBe(400);
    expect((await api('POST', path, { token: admin, body: { fileName: 'a.csv', format: 'csv', objectKey: 'mine' } })).status).toBe(400);
    expect((await api('POST', path, { token: admin, body: { fileName: 'a\u202Efdp.csv', format: 'csv' } })).status).toBe(400);
    for (const t of [await tokens.council(), await tokens.unit('SNV'), await tokens.appraiser('SNV')]) {
      expect((await api('POST', path, { token: t, body: { fileName: 'a.csv', format: 'csv' } })).status).toBe(403);
    }
    expect(
      (await api('POST', `/v1/cycles/${year}/surveys/no-such-survey/imports`, { token: admin, body: { fileName: 'a.csv', format: 'csv' } }))
        .status,
    ).toBe(404);
    expect((await listImports(year, surveyId)).length).toBe(before);
    expect((await listImports(year, 'no-such-survey')).length).toBe(0);
  });

  it('lets only the admin read an import report, and answers 404 for an unknown import', async () => {
    const admin = await tokens.admin();
    const created = await startImport(admin, surveyId);
    const path = `/v1/cycles/${year}/surveys/${surveyId}/imports/${created.importId}`;
    const pending = await api('GET', path, { token: admin });
    expect(pending.body).toMatchObject({ status: 'pending', accepted: 0, rejected: [], duplicates: 0 });
    expect((await api('GET', path, { token: await tokens.council() })).status).toBe(403);
    const missing = await api('GET', `/v1/cycles/${year}/surveys/${surveyId}/imports/nope`, { token: admin });
    expect([missing.status, missing.body.code]).toEqual([404, 'IMPORT_NOT_FOUND']);
  });

  it('sends a presigned POST bound to a server-chosen key in the imports bucket', async () => {
    const created = await startImport(await tokens.admin(), surveyId, '../../etc/passwd.csv');
    expect(created.objectKey).toBe(`imports/${year}/${surveyId}/${created.importId}.csv`);
    expect(created.upload.fields.key).toBe(created.objectKey);
    const policy = JSON.parse(Buffer.from(created.upload.fields.Policy ?? '', 'base64').toString('utf8'));
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 1, 100 * 1024 * 1024],
        ['eq', '$Content-Type', 'text/csv'],
      ]),
    );
  });
});
