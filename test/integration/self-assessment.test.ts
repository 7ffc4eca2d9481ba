import { describe, expect, it } from 'vitest';
import { applicableLeaves } from '../../shared/domain/framework.ts';
import { loadAssessment } from '../../shared/store/assessment-store.ts';
import { listAudit } from '../../shared/store/audit.ts';
import { assessmentAuditSubject } from '../../shared/store/entities/assessment-header.ts';
import { api, tokens } from '../support/api.ts';
import { currentYear, fillSelfLeaves, pdfBytes, referenceFramework, uploadEvidence } from '../support/assessment-helpers.ts';

const year = currentYear;
const audit = (unitId: string) => listAudit(assessmentAuditSubject(year, unitId));

describe("a department clerk's path from an empty assessment to a submitted one", () => {
  it('reads, scores with figures, uploads and confirms evidence, submits once, and sees the history', async () => {
    const unitId = 'SCT';
    const clerk = await tokens.unit(unitId);
    const framework = referenceFramework('department');
    const empty = await api('GET', `/v1/cycles/${year}/units/${unitId}/assessment`, { token: clerk });
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ state: 'draft', version: 0, frameworkId: 'department-2024' });
    expect(empty.body.items).toHaveLength(73);
    expect(empty.body.totals).toMatchObject({ selfTotal: 0, scored: 0, toScore: 60 });

    // 1.1.2 is a tiers rule: 85 % → 1 point suggested; the clerk claims 1.5 and sees the mismatch flagged.
    const tiers = await api('PUT', `/v1/cycles/${year}/units/${unitId}/assessment/items/1.1.2`, {
      token: clerk,
      body: { selfScore: 1.5, figure: 85, note: 'Hoàn thành 85% kế hoạch' },
    });
    expect(tiers.status).toBe(200);
    expect(tiers.body).toMatchObject({ code: '1.1.2', selfScore: 1.5, figure: 85, suggestedScore: 1, mismatch: true, version: 1 });

    const file = pdfBytes('Báo cáo CCHC năm');
    const evidenceId = await uploadEvidence(clerk, year, unitId, file, 'Báo cáo CCHC.pdf');
    const early = await api('POST', `/v1/cycles/${year}/units/${unitId}/assessment/submit`, { token: clerk });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('ASSESSMENT_INCOMPLETE');
    const confirmed = await api('POST', `/v1/cycles/${year}/units/${unitId}/evidence/${evidenceId}/confirm`, { token: clerk });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', fileName: 'Báo cáo CCHC.pdf', size: file.length });
    expect(confirmed.body.objectKey).toBeUndefined();

    await fillSelfLeaves(clerk, year, unitId, framework, evidenceId);
    const filled = await api('GET', `/v1/cycles/${year}/units/${unitId}/assessment`, { token: clerk });
    expect(filled.body.totals).toMatchObject({ scored: 60, toScore: 60 });
    expect(filled.body.totals.selfTotal).toBe(filled.body.totals.selfMax);
    const linked = filled.body.items.find((i: { code: string }) => i.code === '1.1.1');
    expect(linked.evidence).toEqual([{ evidenceId, page: 'tr. 2', fileName: 'Báo cáo CCHC.pdf', status: 'confirmed' }]);

    const submitted = await api('POST', `/v1/cycles/${year}/units/${unitId}/assessment/submit`, { token: clerk });
    expect(submitted.status).toBe(200);
    expect(submitted.body.state).toBe('submitted');
    const again = await api('POST', `/v1/cycles/${year}/units/${unitId}/assessment/submit`, { token: clerk });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(submitted.body);
    const events = await audit(unitId);
    expect(events.filter((e) => e.action === 'assessment.submitted')).toHaveLength(1);

    // After submission nothing changes: scores and evidence are frozen.
    const late = await api('PUT', `/v1/cycles/${year}/units/${unitId}/assessment/items/1.1.1`, { token: clerk, body: { selfScore: 0 } });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'STATE_CONFLICT', state: 'submitted' });
    const moreEvidence = await api('POST', `/v1/cycles/${year}/units/${unitId}/evidence`, {
      token: clerk,
      body: { fileName: 'x.pdf', contentType: 'application/pdf', size: 10, sha256: 'a'.repeat(64) },
    });
    expect(moreEvidence.status).toBe(409);
    expect(moreEvidence.body.code).toBe('STATE_CONFLICT');

    const download = await api('GET', `/v1/cycles/${year}/units/${unitId}/evidence/${evidenceId}`, {
      token: await tokens.appraiser('SNV'),
    });
    expect(download.status).toBe(200);
    const bytes = Buffer.from(await (await fetch(download.body.download.url)).arrayBuffer());
    expect(bytes.equals(file)).toBe(true);

    const history = await api('GET', `/v1/cycles/${year}/units/${unitId}/history`, { token: clerk });
    expect(history.status).toBe(200);
    expect(history.body.events[0]).toMatchObject({ action: 'assessment.submitted', actor: { username: `unit-${unitId}`, unitId } });
    const first = history.body.events.at(-1);
    expect(first).toMatchObject({ action: 'self-score.set', target: '1.1.2', after: { selfScore: 1.5, figure: 85 } });
    expect(history.body.events.length).toBe(events.length);
  });
});

describe('what a unit may write', () => {
  it.each([
    ['a score that is not a multiple of 0.25', '1.1.2', { selfScore: 1.3 }, 'body.selfScore', /multiple of 0.25/],
    ['a score above the maximum', '1.1.2', { selfScore: 3 }, 'body.selfScore', /above the maximum/],
    ['a negative score', '1.1.2', { selfScore: -1 }, 'body.selfScore', /negative/],
    ['a score as a string', '1.1.2', { selfScore: '1' }, 'body.selfScore', /number/],
    ['a null score', '1.1.2', { selfScore: null }, 'body.selfScore', /number/],
    ['an appraised score', '1.1.2', { selfScore: 1, appraisedScore: 1.5 }, 'body', /appraisedScore/],
    ['a state', '1.1.2', { selfScore: 1, state: 'appraised' }, 'body', /state/],
    ['a unit id', '1.1.2', { selfScore: 1, unitId: 'SNV' }, 'body', /unitId/],
    ['a boolean figure on a tiers rule', '1.1.2', { selfScore: 1, figure: true }, 'body.figure', /number/],
    [
      'unknown evidence',
      '1.1.2',
      { selfScore: 1, evidence: [{ evidenceId: '00000000-0000-4000-8000-000000000000' }] },
      'body.evidence[0].evidenceId',
      /does not exist/,
    ],
    ['a survey leaf', '1.7.1', { selfScore: 1 }, 'path.code', /survey/],
  ])('refuses %s with 400 and writes nothing', async (_label, code, body, path, message) => {
    const clerk = await tokens.unit('STP');
    const res = await api('PUT', `/v1/cycles/${year}/units/STP/assessment/items/${code}`, { token: clerk, body });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const error = res.body.errors.find((e: { path: string }) => e.path === path);
    expect(error?.message).toMatch(message);
    const stored = await loadAssessment(year, 'STP');
    expect(stored.items.size).toBe(0);
    expect(stored.header).toBeUndefined();
    expect(await audit('STP')).toEqual([]);
  });

  it('answers 404 for an unknown leaf and for an exempted one', async () => {
    const ttt = await tokens.unit('TTT');
    const unknown = await api('PUT', `/v1/cycles/${year}/units/TTT/assessment/items/9.9.9`, { token: ttt, body: { selfScore: 0 } });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'LEAF_NOT_FOUND']);
    // TTT is exempt from area 3 in the reference cycle.
    const exempt = await api('PUT', `/v1/cycles/${year}/units/TTT/assessment/items/3.1.1`, { token: ttt, body: { selfScore: 0 } });
    expect([exempt.status, exempt.body.code]).toEqual([404, 'LEAF_NOT_FOUND']);
    const view = await api('GET', `/v1/cycles/${year}/units/TTT/assessment`, { token: ttt });
    expect(view.body.items.some((i: { code: string }) => i.code.startsWith('3.'))).toBe(false);
    const expected = applicableLeaves(referenceFramework('department'), ['3', '7.3']).length;
    expect(view.body.items).toHaveLength(expected);
  });

  it("keeps units out of each other's assessments, consistently with 404", async () => {
    const other = await tokens.unit('STP');
    for (const [method, path, body] of [
      ['GET', `/v1/cycles/${year}/units/SCT/assessment`, undefined],
      ['GET', `/v1/cycles/${year}/units/SCT/history`, undefined],
      ['PUT', `/v1/cycles/${year}/units/SCT/assessment/items/1.1.1`, { selfScore: 0 }],
      ['POST', `/v1/cycles/${year}/units/SCT/assessment/submit`, undefined],
      [
        'POST',
        `/v1/cycles/${year}/units/SCT/evidence`,
        { fileName: 'a.pdf', contentType: 'application/pdf', size: 1, sha256: 'a'.repeat(64) },
      ],
    ] as const) {
      const res = await api(method, path, { token: other, body });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.code).toBe('ASSESSMENT_NOT_FOUND');
    }
  });
});

describe('optimistic locking', () => {
  it('lets exactly one of several concurrent writers on one version win, with one audit event per success', async () => {
    const unitId = 'SXD';
    const clerk = await tokens.unit(unitId);
    const url = `/v1/cycles/${year}/units/${unitId}/assessment/items/1.2.1`;
    expect((await api('PUT', url, { token: clerk, body: { selfScore: 0.5 } })).status).toBe(200);
    const results = await Promise.all(
      [0, 0.5, 1, 0.75, 0.25, 1, 0.5, 0].map((selfScore) => api('PUT', url, { token: clerk, body: { selfScore, expectedVersion: 1 } })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    const conflict = results.find((r) => r.status === 409)!;
    expect(conflict.body.current.version).toBe(2);
    expect(conflict.body.code).toBe('VERSION_CONFLICT');
    const stored = await loadAssessment(year, unitId);
    expect(stored.items.get('1.2.1')?.version).toBe(2);
    const writes = (await audit(unitId)).filter((e) => e.target === '1.2.1');
    expect(writes).toHaveLength(2);
  });
});
