/**
 * Integrity of assessments (issue 10): conflict of interest decided from the appraiser's unit,
 * nothing that fed the index changes once the cycle is published, evidence frozen with the
 * submission, and evidence content checked against its declared type. Each case reads back.
 */
import { UpdateCommand } from '../../shared/store/dynamo/commands.ts';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAssessment } from '../../shared/store/assessment-store.ts';
import { listAudit } from '../../shared/store/audit.ts';
import { dynamo, tableName } from '../../shared/store/clients.ts';
import { assessmentAuditSubject } from '../../shared/store/entities/assessment-header.ts';
import { api, token, tokens } from '../support/api.ts';
import {
  cycleDeadlines,
  fillSelfLeaves,
  pdfBytes,
  referenceFramework,
  sha256,
  uploadEvidence,
  uploadToForm,
} from '../support/assessment-helpers.ts';

const open = 2044;
const published = 2045;
const base = (year: number, unitId: string) => `/v1/cycles/${year}/units/${unitId}`;
const audit = (year: number, unitId: string) => listAudit(assessmentAuditSubject(year, unitId), 1000);

async function openCycle(year: number) {
  const body = { year, frameworks: { department: 'department-2024' }, deadlines: cycleDeadlines(year) };
  expect((await api('POST', '/v1/cycles', { token: await tokens.admin(), body })).status).toBe(201);
}

/** Declares a file, uploads `bytes` to its form, and answers the confirm URL. */
async function declareAndUpload(clerk: string, year: number, unitId: string, bytes: Buffer, fileName: string, contentType: string) {
  const created = await api('POST', `${base(year, unitId)}/evidence`, {
    token: clerk,
    body: { fileName, contentType, size: bytes.length, sha256: sha256(bytes) },
  });
  expect(created.status).toBe(201);
  expect(await uploadToForm(created.body.upload, bytes, contentType)).toBeLessThan(300);
  return { evidenceId: created.body.evidenceId as string, confirm: `${base(year, unitId)}/evidence/${created.body.evidenceId}/confirm` };
}

beforeAll(async () => {
  await openCycle(open);
  await openCycle(published);
});

describe('conflict of interest', () => {
  it('refuses an appraiser token without a unit on every appraisal route, and writes nothing', async () => {
    const clerk = await tokens.unit('SNV');
    const evidenceId = await uploadEvidence(clerk, open, 'SNV', pdfBytes('coi'));
    expect((await api('POST', `${base(open, 'SNV')}/evidence/${evidenceId}/confirm`, { token: clerk })).status).toBe(200);
    await fillSelfLeaves(clerk, open, 'SNV', referenceFramework('department'), evidenceId);
    expect((await api('POST', `${base(open, 'SNV')}/assessment/submit`, { token: clerk })).status).toBe(200);
    const before = { stored: await loadAssessment(open, 'SNV'), audit: (await audit(open, 'SNV')).length };

    for (const unitless of [
      await token({ role: 'appraiser', areas: '*' }),
      await token({ role: 'appraiser', areas: '*', district: 'H-BATRI' }),
    ]) {
      const calls: [string, string, object?][] = [
        ['GET', `/v1/cycles/${open}/appraisals`],
        ['PUT', `${base(open, 'SNV')}/appraisal/items/1.1.2`, { appraisedScore: 0, reason: 'Không có văn bản chứng minh' }],
        ['POST', `${base(open, 'SNV')}/appraisal/return`, { message: 'Đề nghị giải trình tiêu chí 1' }],
        ['POST', `${base(open, 'SNV')}/appraisal/accept-remaining`],
        ['POST', `${base(open, 'SNV')}/appraisal/finalize`],
      ];
      for (const [method, path, body] of calls) {
        const res = await api(method, path, { token: unitless, body });
        expect([res.status, res.body.code], `${method} ${path}`).toEqual([403, 'CONFLICT_OF_INTEREST']);
      }
    }
    const after = await loadAssessment(open, 'SNV');
    expect(after.header?.state).toBe('submitted');
    expect(after.header?.appraisedCodes).toBeUndefined();
    expect([...after.items.values()].some((i) => i.appraisedScore !== undefined)).toBe(false);
    expect(after.items).toEqual(before.stored.items);
    expect((await audit(open, 'SNV')).length).toBe(before.audit);
  }, 120_000); // fills 60 leaves through the API
});

describe('evidence after submission', () => {
  it('refuses to confirm evidence that was pending at submission, and keeps it unusable', async () => {
    const clerk = await tokens.unit('STP');
    const evidenceId = await uploadEvidence(clerk, open, 'STP', pdfBytes('kept'));
    expect((await api('POST', `${base(open, 'STP')}/evidence/${evidenceId}/confirm`, { token: clerk })).status).toBe(200);
    await fillSelfLeaves(clerk, open, 'STP', referenceFramework('department'), evidenceId);
    const late = await declareAndUpload(clerk, open, 'STP', pdfBytes('pending at submission'), 'bo-sung.pdf', 'application/pdf');
    expect((await api('POST', `${base(open, 'STP')}/assessment/submit`, { token: clerk })).status).toBe(200);

    const refused = await api('POST', late.confirm, { token: clerk });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'STATE_CONFLICT', state: 'submitted' });
    expect((await loadAssessment(open, 'STP')).evidence.get(late.evidenceId)?.status).toBe('pending');
    const confirmations = (await audit(open, 'STP')).filter((e) => e.action === 'evidence.confirmed');
    expect(confirmations.map((e) => e.target)).toEqual([evidenceId]);
  }, 120_000); // fills 60 leaves through the API
});

describe('evidence content', () => {
  it('refuses an executable declared as a PDF: 422 on contentType, and the evidence stays unusable', async () => {
    const clerk = await tokens.unit('SYT');
    const exe = Buffer.concat([
      Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1'),
      Buffer.alloc(200, 0x41),
    ]);
    const upload = await declareAndUpload(clerk, open, 'SYT', exe, 'plan.pdf', 'application/pdf');
    const refused = await api('POST', upload.confirm, { token: clerk });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('EVIDENCE_MISMATCH');
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['contentType']);
    expect(refused.body.errors[0].message).toMatch(/application\/x-msdownload/);
    expect((await loadAssessment(open, 'SYT')).evidence.get(upload.evidenceId)?.status).toBe('pending');
    expect((await audit(open, 'SYT')).some((e) => e.action === 'evidence.confirmed')).toBe(false);
    const meta = await api('GET', `${base(open, 'SYT')}/evidence/${upload.evidenceId}`, { token: clerk });
    expect(meta.body.download).toBeUndefined();
    // A retry is refused the same way: the object is what it is.
    expect((await api('POST', upload.confirm, { token: clerk })).status).toBe(422);
  });

  it('refuses plain text declared as a PNG and a spreadsheet declared as DOCX, and confirms the spreadsheet as XLSX', async () => {
    const clerk = await tokens.unit('SYT');
    const text = await declareAndUpload(clerk, open, 'SYT', Buffer.from('not an image at all'), 'anh.png', 'image/png');
    const refused = await api('POST', text.confirm, { token: clerk });
    expect([refused.status, refused.body.code, refused.body.errors[0].path]).toEqual([422, 'EVIDENCE_MISMATCH', 'contentType']);

    const book = new ExcelJS.Workbook();
    book.addWorksheet('Số liệu').addRow(['Chỉ tiêu', 'Kết quả']);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const sheet = await declareAndUpload(clerk, open, 'SYT', xlsx, 'so-lieu.xlsx', xlsxType);
    const confirmed = await api('POST', sheet.confirm, { token: clerk });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', contentType: xlsxType });
    // Office files are all zips: a spreadsheet declared as a Word document is still refused.
    const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const disguised = await declareAndUpload(clerk, open, 'SYT', xlsx, 'bao-cao.docx', docxType);
    const wrongOffice = await api('POST', disguised.confirm, { token: clerk });
    expect([wrongOffice.status, wrongOffice.body.code]).toEqual([422, 'EVIDENCE_MISMATCH']);
    expect(wrongOffice.body.errors[0].message).toMatch(/spreadsheetml/);
    const stored = (await loadAssessment(open, 'SYT')).evidence;
    expect(stored.get(sheet.evidenceId)?.status).toBe('confirmed');
    expect(stored.get(text.evidenceId)?.status).toBe('pending');
    expect(stored.get(disguised.evidenceId)?.status).toBe('pending');
  });
});

describe('a published cycle', () => {
  it('answers 409 CYCLE_PUBLISHED to every write that fed the index, and changes nothing', async () => {
    const clerk = await tokens.unit('SNV');
    expect((await api('PUT', `${base(published, 'SNV')}/assessment/items/1.1.2`, { token: clerk, body: { selfScore: 1 } })).status).toBe(
      200,
    );
    const pending = await declareAndUpload(clerk, published, 'SNV', pdfBytes('published'), 'ke-hoach.pdf', 'application/pdf');
    // The publication sets the phase; this test puts the cycle there directly.
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: `CYCLE#${published}`, sk: 'META' },
        UpdateExpression: 'SET phase = :p',
        ExpressionAttributeValues: { ':p': 'published' },
      }),
    );
    const before = { stored: await loadAssessment(published, 'SNV'), audit: (await audit(published, 'SNV')).length };
    const lead = await tokens.appraiser('STP', '*');
    const admin = await tokens.admin();
    const calls: [string, string, string, object?][] = [
      [clerk, 'PUT', '/assessment/items/1.1.2', { selfScore: 0.5 }],
      [clerk, 'POST', '/evidence', { fileName: 'a.pdf', contentType: 'application/pdf', size: 10, sha256: 'a'.repeat(64) }],
      [clerk, 'POST', `/evidence/${pending.evidenceId}/confirm`],
      [clerk, 'POST', '/assessment/submit'],
      [clerk, 'PUT', '/explanations/items/1.1.2', { text: 'Giải trình sau công bố' }],
      [clerk, 'POST', '/explanations/submit'],
      [lead, 'PUT', '/appraisal/items/1.1.2', { appraisedScore: 1, reason: 'Thẩm định sau công bố' }],
      [lead, 'POST', '/appraisal/return', { message: 'Đề nghị giải trình sau công bố' }],
      [lead, 'POST', '/appraisal/accept-remaining'],
      [lead, 'POST', '/appraisal/finalize'],
      [admin, 'POST', '/appraisal/reopen', { reason: 'Mở lại sau công bố' }],
    ];
    for (const [who, method, path, body] of calls) {
      const res = await api(method, `${base(published, 'SNV')}${path}`, { token: who, body });
      expect([res.status, res.body.code], `${method} ${path}`).toEqual([409, 'CYCLE_PUBLISHED']);
    }
    const after = await loadAssessment(published, 'SNV');
    expect(after.items).toEqual(before.stored.items);
    expect(after.evidence).toEqual(before.stored.evidence);
    expect(after.header).toEqual(before.stored.header);
    expect((await audit(published, 'SNV')).length).toBe(before.audit);
  });
});
