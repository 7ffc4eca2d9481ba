import { describe, expect, it } from 'vitest';
import { sanitizeFileName } from '../../shared/domain/evidence.ts';
import { loadAssessment } from '../../shared/store/assessment-store.ts';
import { listAudit } from '../../shared/store/audit.ts';
import { assessmentAuditSubject } from '../../shared/store/entities/assessment-header.ts';
import { api, token, tokens } from '../support/api.ts';
import { currentYear, pdfBytes, sha256, uploadToForm } from '../support/assessment-helpers.ts';

const year = currentYear;
const audit = (unitId: string) => listAudit(assessmentAuditSubject(year, unitId));
const declare = (file: Buffer, extra: Record<string, unknown> = {}) => ({
  fileName: 'ke-hoach.pdf',
  contentType: 'application/pdf',
  size: file.length,
  sha256: sha256(file),
  ...extra,
});

describe('evidence upload', () => {
  it('generates the object key on the server and binds size, type and checksum in the POST policy', async () => {
    const file = pdfBytes('policy');
    const res = await api('POST', `/v1/cycles/${year}/units/SYT/evidence`, { token: await tokens.unit('SYT'), body: declare(file) });
    expect(res.status).toBe(201);
    const { fields } = res.body.upload;
    expect(fields.key).toBe(`evidence/${year}/SYT/${res.body.evidenceId}`);
    const policy = JSON.parse(Buffer.from(fields.Policy, 'base64').toString('utf8'));
    expect(policy.conditions).toContainEqual(['content-length-range', file.length, file.length]);
    expect(policy.conditions).toContainEqual(['eq', '$Content-Type', 'application/pdf']);
    expect(policy.conditions).toContainEqual(['eq', '$x-amz-meta-sha256', sha256(file)]);
  });

  it.each([
    ['an executable content type', { contentType: 'application/x-msdownload' }, 'body.contentType'],
    ['a file above the size limit', { size: 20 * 1024 * 1024 + 1 }, 'body.size'],
    ['an empty file', { size: 0 }, 'body.size'],
    ['a checksum that is not hex SHA-256', { sha256: 'abc' }, 'body.sha256'],
    ['an extension that lies about the type', { fileName: 'virus.exe' }, 'body.fileName'],
    ['a client-chosen object key', { key: 'evidence/2026/SNV/x' }, 'body'],
  ])('refuses %s and records nothing', async (_label, extra, path) => {
    const res = await api('POST', `/v1/cycles/${year}/units/SLDTBXH/evidence`, {
      token: await tokens.unit('SLDTBXH'),
      body: declare(pdfBytes('x'), extra),
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect((await loadAssessment(year, 'SLDTBXH')).evidence.size).toBe(0);
    expect(await audit('SLDTBXH')).toEqual([]);
  });

  it('strips bidi overrides and control characters from the display name', async () => {
    expect(sanitizeFileName('báo cáo\u202Efdp.exe')).toBe('báo cáofdp.exe');
    const res = await api('POST', `/v1/cycles/${year}/units/SYT/evidence`, {
      token: await tokens.unit('SYT'),
      body: declare(pdfBytes('n'), { fileName: 'Ke\u0302\u0301 hoa\u0323ch\u200B\u0007.pdf' }),
    });
    expect(res.status).toBe(201);
    const stored = (await loadAssessment(year, 'SYT')).evidence.get(res.body.evidenceId);
    expect(stored?.fileName).toBe('Kế hoạch.pdf'.normalize('NFC'));
  });

  it('refuses to confirm a file whose bytes or size differ from the declaration, and keeps it unusable', async () => {
    const clerk = await tokens.unit('SYT');
    const declared = pdfBytes('the real report');
    const created = await api('POST', `/v1/cycles/${year}/units/SYT/evidence`, { token: clerk, body: declare(declared) });
    const confirmUrl = `/v1/cycles/${year}/units/SYT/evidence/${created.body.evidenceId}/confirm`;
    const early = await api('POST', confirmUrl, { token: clerk }); // nothing uploaded yet
    expect([early.status, early.body.code]).toEqual([409, 'EVIDENCE_NOT_UPLOADED']);
    // The emulator does not enforce POST policies, so a different file of another size gets stored.
    const forged = pdfBytes('something else entirely');
    expect(await uploadToForm(created.body.upload, forged, 'application/pdf')).toBeLessThan(300);
    const refused = await api('POST', confirmUrl, { token: clerk });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('EVIDENCE_MISMATCH');
    expect(refused.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['sha256', 'size']);
    expect((await loadAssessment(year, 'SYT')).evidence.get(created.body.evidenceId)?.status).toBe('pending');
    expect((await audit('SYT')).some((e) => e.action === 'evidence.confirmed')).toBe(false);
    const meta = await api('GET', `/v1/cycles/${year}/units/SYT/evidence/${created.body.evidenceId}`, { token: clerk });
    expect(meta.body.status).toBe('pending');
    expect(meta.body.download).toBeUndefined();
  });
});

describe('idempotency keys', () => {
  it('replays the first response for a retried POST and refuses the key with another body', async () => {
    const clerk = await tokens.unit('SGDDT');
    const file = pdfBytes('idem');
    const headers = { 'idempotency-key': 'upload-ke-hoach-1' };
    const first = await api('POST', `/v1/cycles/${year}/units/SGDDT/evidence`, { token: clerk, body: declare(file), headers });
    const replay = await api('POST', `/v1/cycles/${year}/units/SGDDT/evidence`, { token: clerk, body: declare(file), headers });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const changed = await api('POST', `/v1/cycles/${year}/units/SGDDT/evidence`, {
      token: clerk,
      body: declare(file, { fileName: 'khac.pdf' }),
      headers,
    });
    expect(changed.status).toBe(422);
    expect((await loadAssessment(year, 'SGDDT')).evidence.size).toBe(1);
    expect((await audit('SGDDT')).filter((e) => e.action === 'evidence.created')).toHaveLength(1);
  });

  it('does not remember a refused request: the same key works once the input is fixed', async () => {
    const clerk = await tokens.unit('SGDDT');
    const headers = { 'idempotency-key': 'retry-after-fix' };
    const bad = await api('POST', `/v1/cycles/${year}/units/SGDDT/evidence`, {
      token: clerk,
      body: declare(pdfBytes('y'), { fileName: 'a.exe' }),
      headers,
    });
    expect(bad.status).toBe(400);
    const good = await api('POST', `/v1/cycles/${year}/units/SGDDT/evidence`, { token: clerk, body: declare(pdfBytes('y')), headers });
    expect(good.status).toBe(201);
  });
});

describe('submission', () => {
  it('is refused with the list of leaves that need attention, and a written reason stands in for evidence', async () => {
    const clerk = await tokens.unit('SVHTTDL');
    const base = `/v1/cycles/${year}/units/SVHTTDL`;
    expect((await api('PUT', `${base}/assessment/items/1.1.1`, { token: clerk, body: { selfScore: 0.5 } })).status).toBe(200);
    const refused = await api('POST', `${base}/assessment/submit`, { token: clerk });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('ASSESSMENT_INCOMPLETE');
    const gaps = Object.fromEntries(refused.body.errors.map((e: { path: string; message: string }) => [e.path, e.message]));
    expect(gaps['items["1.1.1"]']).toBe('no confirmed evidence and no explanation');
    expect(gaps['items["1.1.2"]']).toBe('not scored');
    expect(Object.keys(gaps)).toHaveLength(60);
    const reason = await api('PUT', `${base}/assessment/items/1.1.1`, {
      token: clerk,
      body: { selfScore: 0.5, noEvidenceReason: 'Kế hoạch ban hành qua hệ thống điều hành, không có bản giấy', expectedVersion: 1 },
    });
    expect(reason.status).toBe(200);
    const after = await api('POST', `${base}/assessment/submit`, { token: clerk });
    const paths = after.body.errors.map((e: { path: string }) => e.path);
    expect(paths).not.toContain('items["1.1.1"]');
    expect((await loadAssessment(year, 'SVHTTDL')).header?.state).toBe('draft');
    expect((await audit('SVHTTDL')).some((e) => e.action === 'assessment.submitted')).toBe(false);
  });
});

describe('the deadline', () => {
  it('closes self-assessment writes at the cycle deadline until an admin extends it', async () => {
    const admin = await tokens.admin();
    const past = {
      year: 2021,
      frameworks: { department: 'department-2024' },
      deadlines: {
        selfAssessment: '2021-12-15T23:59:59+07:00',
        appraisal: '2022-01-10T23:59:59+07:00',
        explanation: '2022-01-20T23:59:59+07:00',
        survey: '2022-01-20T23:59:59+07:00',
        finalAppraisal: '2022-01-31T23:59:59+07:00',
        publication: '2022-02-28T23:59:59+07:00',
      },
    };
    expect((await api('POST', '/v1/cycles', { token: admin, body: past })).status).toBe(201);
    const clerk = await tokens.unit('SNV');
    const url = '/v1/cycles/2021/units/SNV/assessment/items/1.1.1';
    const closed = await api('PUT', url, { token: clerk, body: { selfScore: 0.5 } });
    expect(closed.status).toBe(409);
    expect(closed.body.detail).toMatch(/deadline/);
    expect(closed.body.code).toBe('DEADLINE_PASSED');
    expect((await loadAssessment(2021, 'SNV')).items.size).toBe(0);
    const extended = await api('PATCH', '/v1/cycles/2021', {
      token: admin,
      body: {
        deadlines: {
          selfAssessment: '2099-12-31T23:59:59+07:00',
          appraisal: '2099-12-31T23:59:59+07:00',
          explanation: '2099-12-31T23:59:59+07:00',
          survey: '2099-12-31T23:59:59+07:00',
          finalAppraisal: '2099-12-31T23:59:59+07:00',
          publication: '2099-12-31T23:59:59+07:00',
        },
        reason: 'Gia hạn cho Sở Nội vụ',
        expectedVersion: 1,
      },
    });
    expect(extended.status).toBe(200);
    expect((await api('PUT', url, { token: clerk, body: { selfScore: 0.5 } })).status).toBe(200);
  });
});

describe('who reaches an assessment (route × role)', () => {
  const year_ = year;
  const routes = (unitId: string) => ({
    read: [
      ['GET', `/v1/cycles/${year_}/units/${unitId}/assessment`],
      ['GET', `/v1/cycles/${year_}/units/${unitId}/history`],
    ],
    write: [
      ['PUT', `/v1/cycles/${year_}/units/${unitId}/assessment/items/1.1.1`, { selfScore: 0.5 }],
      ['POST', `/v1/cycles/${year_}/units/${unitId}/evidence`, declare(pdfBytes('r'))],
      ['POST', `/v1/cycles/${year_}/units/${unitId}/assessment/submit`],
    ],
  });

  it('lets admins, the council and appraisers in scope read, and nobody but the unit write', async () => {
    const readers = [await tokens.admin(), await tokens.council(), await tokens.appraiser('SNV', '*'), await tokens.appraiser('STP', '2')];
    const { read, write } = routes('SKHCN');
    for (const t of readers) {
      for (const [method, path] of read) expect((await api(method!, path!, { token: t })).status, path).toBe(200);
      for (const [method, path, body] of write)
        expect((await api(method as string, path as string, { token: t, body })).status, path as string).toBe(403);
    }
    expect((await loadAssessment(year, 'SKHCN')).items.size).toBe(0);
    expect(await audit('SKHCN')).toEqual([]);
  });

  it("keeps a district appraiser to its own district's communes and out of its own unit", async () => {
    const batri = await tokens.appraiser('H-BATRI', '*', 'H-BATRI');
    const own = await api('GET', `/v1/cycles/${year}/units/X-BATRI-TT-BA-TRI/assessment`, { token: batri });
    expect(own.status).toBe(200);
    const communes = (await api('GET', '/v1/units?type=commune&parent=H-CHOLACH', { token: batri })).body.units;
    const foreign = await api('GET', `/v1/cycles/${year}/units/${communes[0].id}/assessment`, { token: batri });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('OUTSIDE_SCOPE');
    expect((await api('GET', `/v1/cycles/${year}/units/H-BATRI/assessment`, { token: batri })).status).toBe(403);
    const self = await token({ role: 'appraiser', unitId: 'SNV', areas: '*' });
    expect((await api('GET', `/v1/cycles/${year}/units/SNV/assessment`, { token: self })).status).toBe(403);
  });

  it('answers 401 without a token on every assessment route', async () => {
    const { read, write } = routes('SNV');
    for (const [method, path] of [...read, ...write]) expect((await api(method as string, path as string)).status).toBe(401);
  });
});
