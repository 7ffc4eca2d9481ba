import { beforeAll, describe, expect, it } from 'vitest';
import { leaves } from '../../shared/domain/framework.ts';
import { loadAssessment } from '../../shared/store/assessment-store.ts';
import { listAudit } from '../../shared/store/audit.ts';
import { assessmentAuditSubject } from '../../shared/store/entities/assessment-header.ts';
import { api, tokens } from '../support/api.ts';
import { currentYear, fillSelfLeaves, pdfBytes, referenceFramework, uploadEvidence } from '../support/assessment-helpers.ts';

const year = currentYear;
const dept = 'SNNPTNT';
const commune = 'X-BATRI-TT-BA-TRI';
const base = (unitId: string) => `/v1/cycles/${year}/units/${unitId}`;
const department = referenceFramework('department');
const selfCodes = (prefix: string) =>
  leaves(department)
    .filter((e) => e.leaf.method === 'self' && (e.leaf.code === prefix || e.leaf.code.startsWith(`${prefix}.`)))
    .map((e) => e.leaf.code);

async function submitted(unitId: string, type: 'department' | 'commune') {
  const clerk = await tokens.unit(unitId);
  const evidenceId = await uploadEvidence(clerk, year, unitId, pdfBytes(`evidence of ${unitId}`));
  expect((await api('POST', `${base(unitId)}/evidence/${evidenceId}/confirm`, { token: clerk })).status).toBe(200);
  await fillSelfLeaves(clerk, year, unitId, referenceFramework(type), evidenceId);
  expect((await api('POST', `${base(unitId)}/assessment/submit`, { token: clerk })).status).toBe(200);
  return clerk;
}

let clerk: string;
const snv = () => tokens.appraiser('SNV', '*');
const stp = () => tokens.appraiser('STP', '2');
const skhcn = () => tokens.appraiser('SKHCN', '7.4');
const stttt = () => tokens.appraiser('STTTT', '7');

beforeAll(async () => {
  clerk = await submitted(dept, 'department');
  await submitted(commune, 'commune');
}, 120_000);

describe('the worklist', () => {
  it('shows each appraiser the submitted assessments in scope with progress in its own areas, from the index', async () => {
    const lead = await api('GET', `/v1/cycles/${year}/appraisals?state=submitted`, { token: await snv() });
    expect(lead.status).toBe(200);
    const row = lead.body.assessments.find((a: { unitId: string }) => a.unitId === dept);
    expect(row).toMatchObject({ state: 'submitted', round: 1, progress: { appraised: 0, total: 60 } });
    expect(lead.body.assessments.some((a: { unitId: string }) => a.unitId === commune)).toBe(false);
    const justice = await api('GET', `/v1/cycles/${year}/appraisals`, { token: await stp() });
    expect(justice.body.assessments.find((a: { unitId: string }) => a.unitId === dept).progress).toEqual({
      appraised: 0,
      total: selfCodes('2').length,
    });
    const district = await api('GET', `/v1/cycles/${year}/appraisals`, { token: await tokens.appraiser('H-BATRI', '*', 'H-BATRI') });
    // The seeded cycle is shared with the console's browser tests, which submit a Ba Tri commune too.
    const seen = district.body.assessments.map((a: { unitId: string }) => a.unitId) as string[];
    expect(seen).toContain(commune);
    expect(seen.filter((id) => !id.startsWith('X-BATRI-'))).toEqual([]);
    const other = await api('GET', `/v1/cycles/${year}/appraisals`, { token: await tokens.appraiser('H-CHOLACH', '*', 'H-CHOLACH') });
    expect(other.body.assessments).toEqual([]);
    expect((await api('GET', `/v1/cycles/${year}/appraisals`, { token: clerk })).status).toBe(403);
  });
});

describe('scope of appraisal writes', () => {
  it('lets a sector department appraise only its areas, honouring the more specific assignment (7.4)', async () => {
    const area2 = selfCodes('2')[0]!;
    const area1 = selfCodes('1')[0]!;
    const leaf74 = selfCodes('7.4')[0]!;
    const leaf71 = selfCodes('7.1')[0]!;
    const put = async (token: string, code: string, body: object) => api('PUT', `${base(dept)}/appraisal/items/${code}`, { token, body });
    const outside = await put(await stp(), area1, { appraisedScore: 0 });
    expect([outside.status, outside.body.code]).toEqual([403, 'OUTSIDE_SCOPE']);
    expect((await put(await stttt(), leaf74, { appraisedScore: 0, reason: 'Chưa có chứng nhận ISO' })).status).toBe(403);
    expect((await put(await skhcn(), leaf71, { appraisedScore: 0, reason: 'Ngoài lĩnh vực nhưng thử' })).status).toBe(403);
    expect((await put(clerk, area2, { appraisedScore: 0 })).status).toBe(403);
    const ownUnit = await api('PUT', `${base('STP')}/appraisal/items/${area2}`, { token: await stp(), body: { appraisedScore: 0 } });
    expect(ownUnit.status).toBe(403);
    expect(ownUnit.body.code).toBe('CONFLICT_OF_INTEREST');
    const stored = await loadAssessment(year, dept);
    for (const code of [area1, leaf74, leaf71, area2]) expect(stored.items.get(code)?.appraisedScore).toBeUndefined();
    expect((await put(await skhcn(), leaf74, { appraisedScore: stored.items.get(leaf74)!.selfScore! })).status).toBe(200);
  });

  it('requires a reason of 10 to 2000 characters when the appraised score differs, and writes nothing without it', async () => {
    const code = selfCodes('2')[0]!;
    const url = `${base(dept)}/appraisal/items/${code}`;
    const noReason = await api('PUT', url, { token: await stp(), body: { appraisedScore: 0 } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].path).toBe('body.reason');
    expect(noReason.body.code).toBe('VALIDATION_FAILED');
    const short = await api('PUT', url, { token: await stp(), body: { appraisedScore: 0, reason: '   thiếu   ' } });
    expect(short.status).toBe(400);
    const offStep = await api('PUT', url, { token: await stp(), body: { appraisedScore: 0.3, reason: 'Thiếu văn bản kiểm chứng' } });
    expect(offStep.status).toBe(400);
    expect((await loadAssessment(year, dept)).items.get(code)?.appraisedScore).toBeUndefined();
    const ok = await api('PUT', url, { token: await stp(), body: { appraisedScore: 0, reason: 'Thiếu văn bản kiểm chứng của quý IV' } });
    expect(ok.status).toBe(200);
    expect(ok.body.appraisals).toEqual([
      expect.objectContaining({ round: 1, score: 0, reason: 'Thiếu văn bản kiểm chứng của quý IV', byUnit: 'STP' }),
    ]);
  });

  it('keeps a district appraiser to its own communes', async () => {
    const code = '1.1.1';
    const other = await api('PUT', `${base(commune)}/appraisal/items/${code}`, {
      token: await tokens.appraiser('H-CHOLACH', '*', 'H-CHOLACH'),
      body: { appraisedScore: 0.5 },
    });
    expect(other.status).toBe(403);
    const own = await api('PUT', `${base(commune)}/appraisal/items/${code}`, {
      token: await tokens.appraiser('H-BATRI', '*', 'H-BATRI'),
      body: { appraisedScore: 0, reason: 'Kế hoạch ban hành chậm' },
    });
    expect(own.status).toBe(200);
  });
});

describe('the two-round path', () => {
  it('returns for explanation, takes the explanation, appraises round 2, accepts the rest, finalises and locks', async () => {
    const code = selfCodes('2')[0]!;
    const lead = await snv();
    // Out-of-order transitions are refused.
    const outOfOrder = await api('POST', `${base(dept)}/explanations/submit`, { token: clerk });
    expect(outOfOrder.status).toBe(409);
    expect(outOfOrder.body).toMatchObject({ code: 'STATE_CONFLICT', state: 'submitted', allowed: ['returned'] });
    expect(
      (await api('POST', `${base('SGTVT')}/appraisal/return`, { token: lead, body: { message: 'Đề nghị giải trình tiêu chí 2' } })).status,
    ).toBe(409);

    const returned = await api('POST', `${base(dept)}/appraisal/return`, {
      token: lead,
      body: { message: 'Đề nghị giải trình tiêu chí 2.1' },
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ state: 'returned', round: 1 });
    expect(
      (
        await api('PUT', `${base(dept)}/appraisal/items/${code}`, {
          token: lead,
          body: { appraisedScore: 1, reason: 'Thử khi đang trả lại' },
        })
      ).status,
    ).toBe(409);

    const evidenceId = await uploadEvidence(clerk, year, dept, pdfBytes('bổ sung'), 'bo-sung.pdf');
    expect((await api('POST', `${base(dept)}/evidence/${evidenceId}/confirm`, { token: clerk })).status).toBe(200);
    const explained = await api('PUT', `${base(dept)}/explanations/items/${code}`, {
      token: clerk,
      body: { text: 'Bổ sung văn bản số 12/KH-SNN ngày 10/3', evidence: [{ evidenceId, page: 'tr. 1-3' }] },
    });
    expect(explained.status).toBe(200);
    expect(explained.body.explanations).toEqual([expect.objectContaining({ round: 1, text: 'Bổ sung văn bản số 12/KH-SNN ngày 10/3' })]);
    const intruder = await api('PUT', `${base(dept)}/explanations/items/${code}`, {
      token: await tokens.unit('SGTVT'),
      body: { text: 'Không phải đơn vị mình' },
    });
    expect(intruder.status).toBe(404);
    expect(intruder.body.code).toBe('ASSESSMENT_NOT_FOUND');
    const handedIn = await api('POST', `${base(dept)}/explanations/submit`, { token: clerk });
    expect(handedIn.body).toMatchObject({ state: 'explained', round: 2 });
    expect(
      (await api('PUT', `${base(dept)}/explanations/items/${code}`, { token: clerk, body: { text: 'Sửa sau khi nộp giải trình' } })).status,
    ).toBe(409);

    const round2 = await api('PUT', `${base(dept)}/appraisal/items/${code}`, {
      token: lead,
      body: { appraisedScore: 0.5, reason: 'Đã bổ sung một phần văn bản' },
    });
    expect(round2.status).toBe(200);
    expect(round2.body.appraisedScore).toBe(0.5);
    expect(round2.body.appraisals.map((a: { round: number; score: number }) => [a.round, a.score])).toEqual([
      [1, 0],
      [2, 0.5],
    ]);

    const sector = await api('POST', `${base(dept)}/appraisal/finalize`, { token: await stp() });
    expect(sector.status).toBe(403);
    expect(sector.body.code).toBe('LEAD_APPRAISER_ONLY');
    const early = await api('POST', `${base(dept)}/appraisal/finalize`, { token: lead });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('APPRAISAL_INCOMPLETE');
    const accepted = await api('POST', `${base(dept)}/appraisal/accept-remaining`, { token: lead });
    expect(accepted.status).toBe(200);
    const before = await loadAssessment(year, dept);
    expect(accepted.body.accepted.length).toBe(60 - 2); // 2.x by STP (changed in round 2 by SNV) and 7.4 by SKHCN were done
    for (const c of accepted.body.accepted) expect(before.items.get(c)?.appraisedScore).toBe(before.items.get(c)?.selfScore);
    const audit = await listAudit(assessmentAuditSubject(year, dept), 1000);
    expect(audit.filter((e) => e.action === 'appraisal.round2.accepted')).toHaveLength(accepted.body.accepted.length);
    const again = await api('POST', `${base(dept)}/appraisal/accept-remaining`, { token: lead });
    expect(again.body.accepted).toEqual([]);

    const final = await api('POST', `${base(dept)}/appraisal/finalize`, { token: lead });
    expect(final.body.state).toBe('appraised');
    expect(
      (await api('PUT', `${base(dept)}/appraisal/items/${code}`, { token: lead, body: { appraisedScore: 1, reason: 'Sửa sau khi chốt' } }))
        .status,
    ).toBe(409);
    expect((await api('POST', `${base(dept)}/appraisal/reopen`, { token: lead, body: { reason: 'Phát hiện sai sót' } })).status).toBe(403);
    const reopened = await api('POST', `${base(dept)}/appraisal/reopen`, {
      token: await tokens.admin(),
      body: { reason: 'Hội đồng yêu cầu xem lại tiêu chí 2' },
    });
    expect(reopened.body.state).toBe('submitted');

    const view = await api('GET', `${base(dept)}/assessment`, { token: clerk });
    const item = view.body.items.find((i: { code: string }) => i.code === code);
    expect(item.appraisals).toHaveLength(2);
    expect(item.explanations).toHaveLength(1);
    const history = await api('GET', `${base(dept)}/history`, { token: clerk });
    const actions = history.body.events.map((e: { action: string }) => e.action);
    expect(actions[0]).toBe('appraisal.reopened');
    expect(history.body.events[0].reason).toBe('Hội đồng yêu cầu xem lại tiêu chí 2');
    expect(actions).toContain('appraisal.round1');
    expect(actions).toContain('appraisal.round2');
    expect(actions).toContain('assessment.returned');
  });
});

describe('concurrent appraisers', () => {
  it('let exactly one of two writes on the same leaf version win', async () => {
    const code = leaves(referenceFramework('commune')).filter((e) => e.leaf.method === 'self')[1]!.leaf.code;
    const url = `${base(commune)}/appraisal/items/${code}`;
    const batri = await tokens.appraiser('H-BATRI', '*', 'H-BATRI');
    const version = (await loadAssessment(year, commune)).items.get(code)!.version;
    const results = await Promise.all(
      [0, 0.25, 0.5].map((s) =>
        api('PUT', url, { token: batri, body: { appraisedScore: s, reason: `Điều chỉnh còn ${s} điểm`, expectedVersion: version } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect((await loadAssessment(year, commune)).items.get(code)!.version).toBe(version + 1);
  });
});
