/**
 * The appraisal scope matrix: Sở Nội vụ (*), Sở Tư pháp (area 2), Sở KH&CN (7.4 only), a district
 * for its own and another district's commune, and unit users, on every appraisal and explanation
 * route. Every refusal is checked to have written nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { leaves } from '../../shared/domain/framework.ts';
import { loadAssessment } from '../../shared/store/assessment-store.ts';
import { listAudit } from '../../shared/store/audit.ts';
import { assessmentAuditSubject } from '../../shared/store/entities/assessment-header.ts';
import { api, tokens } from '../support/api.ts';
import { currentYear, fillSelfLeaves, pdfBytes, referenceFramework, uploadEvidence } from '../support/assessment-helpers.ts';

const year = currentYear;
const dept = 'STNMT';
const commune = 'X-BATRI-TT-TIEM-TOM';
const base = (unitId: string) => `/v1/cycles/${year}/units/${unitId}`;
const selfLeaf = (prefix: string) =>
  leaves(referenceFramework('department')).find((e) => e.leaf.method === 'self' && e.leaf.code.startsWith(`${prefix}.`))!.leaf.code;

async function submit(unitId: string, type: 'department' | 'commune') {
  const clerk = await tokens.unit(unitId);
  const evidenceId = await uploadEvidence(clerk, year, unitId, pdfBytes(unitId));
  await api('POST', `${base(unitId)}/evidence/${evidenceId}/confirm`, { token: clerk });
  await fillSelfLeaves(clerk, year, unitId, referenceFramework(type), evidenceId);
  expect((await api('POST', `${base(unitId)}/assessment/submit`, { token: clerk })).status).toBe(200);
}

async function snapshot(unitId: string) {
  const loaded = await loadAssessment(year, unitId);
  return {
    header: loaded.header,
    items: [...loaded.items.values()],
    audit: (await listAudit(assessmentAuditSubject(year, unitId), 1000)).length,
  };
}

beforeAll(async () => {
  await submit(dept, 'department');
  await submit(commune, 'commune');
}, 120_000);

describe('appraisal scope matrix', () => {
  it('refuses every appraisal route outside the caller scope and writes nothing', async () => {
    const cases: [string, () => Promise<string>, string, string][] = [
      ['Sở Tư pháp on area 1', () => tokens.appraiser('STP', '2'), dept, selfLeaf('1')],
      ['Sở KH&CN on 7.1', () => tokens.appraiser('SKHCN', '7.4'), dept, selfLeaf('7.1')],
      ['Sở TT&TT on 7.4 (assigned to Sở KH&CN)', () => tokens.appraiser('STTTT', '7'), dept, selfLeaf('7.4')],
      ['Chợ Lách on a Ba Tri commune', () => tokens.appraiser('H-CHOLACH', '*', 'H-CHOLACH'), commune, '1.1.1'],
      ['a district appraiser on a department', () => tokens.appraiser('H-BATRI', '*', 'H-BATRI'), dept, selfLeaf('1')],
    ];
    for (const [label, who, unitId, code] of cases) {
      const before = await snapshot(unitId);
      const t = await who();
      const put = await api('PUT', `${base(unitId)}/appraisal/items/${code}`, {
        token: t,
        body: { appraisedScore: 0, reason: 'Ngoài phạm vi thẩm định' },
      });
      expect(put.status, label).toBe(403);
      expect(put.body.code, label).toBe('OUTSIDE_SCOPE');
      if (unitId === commune || label.startsWith('a district')) {
        for (const route of ['return', 'accept-remaining', 'finalize']) {
          const body = route === 'return' ? { message: 'Đề nghị giải trình thêm' } : undefined;
          const refused = await api('POST', `${base(unitId)}/appraisal/${route}`, { token: t, body });
          expect([refused.status, refused.body.code], `${label} ${route}`).toEqual([403, 'OUTSIDE_SCOPE']);
        }
      }
      expect(await snapshot(unitId), label).toEqual(before);
    }
  });

  it('limits accept-remaining to the caller areas: Sở KH&CN accepts only 7.4, Sở Tư pháp only area 2', async () => {
    const skhcn = await api('POST', `${base(dept)}/appraisal/accept-remaining`, { token: await tokens.appraiser('SKHCN', '7.4') });
    expect(skhcn.status).toBe(200);
    expect(skhcn.body.accepted.length).toBeGreaterThan(0);
    expect(skhcn.body.accepted.every((c: string) => c.startsWith('7.4.'))).toBe(true);
    const stp = await api('POST', `${base(dept)}/appraisal/accept-remaining`, { token: await tokens.appraiser('STP', '2') });
    expect(stp.body.accepted.every((c: string) => c.startsWith('2.'))).toBe(true);
    const worklist = await api('GET', `/v1/cycles/${year}/appraisals?type=department`, { token: await tokens.appraiser('SNV', '*') });
    const row = worklist.body.assessments.find((a: { unitId: string }) => a.unitId === dept);
    expect(row.progress.appraised).toBe(skhcn.body.accepted.length + stp.body.accepted.length);
  });

  it('keeps units off appraisal routes and out of other units explanations', async () => {
    const own = await tokens.unit(dept);
    const before = await snapshot(dept);
    expect((await api('PUT', `${base(dept)}/appraisal/items/${selfLeaf('1')}`, { token: own, body: { appraisedScore: 0.5 } })).status).toBe(
      403,
    );
    expect((await api('POST', `${base(dept)}/appraisal/finalize`, { token: own })).status).toBe(403);
    const lead = await tokens.appraiser('SNV', '*');
    expect(
      (await api('POST', `${base(dept)}/appraisal/return`, { token: lead, body: { message: 'Đề nghị giải trình tiêu chí 1' } })).status,
    ).toBe(200);
    const other = await tokens.unit('SCT');
    expect(
      (await api('PUT', `${base(dept)}/explanations/items/${selfLeaf('1')}`, { token: other, body: { text: 'Giải trình hộ đơn vị khác' } }))
        .status,
    ).toBe(404);
    const foreign = await api('POST', `${base(dept)}/explanations/submit`, { token: other });
    expect([foreign.status, foreign.body.code]).toEqual([404, 'ASSESSMENT_NOT_FOUND']);
    expect(
      (await api('PUT', `${base(dept)}/explanations/items/${selfLeaf('1')}`, { token: lead, body: { text: 'Thẩm định viên giải trình' } }))
        .status,
    ).toBe(403);
    const after = await snapshot(dept);
    expect(after.items).toEqual(before.items);
    expect(after.header?.state).toBe('returned');
  });
});
