import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { leaves } from '../../shared/domain/framework.ts';
import { listAudit } from '../../shared/store/audit.ts';
import { bucketName, s3 } from '../../shared/store/clients.ts';
import { getCycle } from '../../shared/store/cycles-store.ts';
import { getFramework } from '../../shared/store/frameworks-store.ts';
import { getPublication } from '../../shared/store/results-store.ts';
import { api, tokens } from '../support/api.ts';
import { publishedReports } from '../support/reports.ts';
import { cycleDeadlines, fillSelfLeaves, pdfBytes, referenceFramework, uploadEvidence } from '../support/assessment-helpers.ts';

const year = 2035;
const framework = referenceFramework('district');
const base = (unitId: string) => `/v1/cycles/${year}/units/${unitId}`;
let districts: { id: string; name: string }[] = [];
const lowered = 'H-BATRI';
const loweredLeaf = leaves(framework).find((e) => e.leaf.method === 'self' && e.leaf.maxPoints >= 1)!.leaf;

beforeAll(async () => {
  const admin = await tokens.admin();
  const opened = await api('POST', '/v1/cycles', {
    token: admin,
    body: {
      year,
      frameworks: { district: 'district-2024' },
      surveys: { district: 'district-survey-2024' },
      deadlines: cycleDeadlines(year),
    },
  });
  expect(opened.status).toBe(201);
  // The cycle names a survey: it cannot leave its survey phase (here, to computation) until it is defined.
  const survey = JSON.parse(readFileSync('reference/surveys/district-survey-2024.json', 'utf8'));
  expect((await api('PUT', `/v1/cycles/${year}/surveys/${survey.id}`, { token: admin, body: survey })).status).toBe(201);
  districts = (await api('GET', '/v1/units?type=district', { token: admin })).body.units;
  const lead = await tokens.appraiser('SNV', '*');
  for (const d of districts) {
    const clerk = await tokens.unit(d.id);
    const evidenceId = await uploadEvidence(clerk, year, d.id, pdfBytes(d.id));
    expect((await api('POST', `${base(d.id)}/evidence/${evidenceId}/confirm`, { token: clerk })).status).toBe(200);
    await fillSelfLeaves(clerk, year, d.id, framework, evidenceId);
    expect((await api('POST', `${base(d.id)}/assessment/submit`, { token: clerk })).status).toBe(200);
    if (d.id === lowered) {
      const res = await api('PUT', `${base(d.id)}/appraisal/items/${loweredLeaf.code}`, {
        token: lead,
        body: { appraisedScore: 0, reason: 'Không có văn bản kiểm chứng hợp lệ' },
      });
      expect(res.status).toBe(200);
    }
    expect((await api('POST', `${base(d.id)}/appraisal/accept-remaining`, { token: lead })).status).toBe(200);
    if (d.id !== 'H-THANHPHU') expect((await api('POST', `${base(d.id)}/appraisal/finalize`, { token: lead })).status).toBe(200);
  }
}, 300_000);

describe('computation, approval and publication', () => {
  it('computes a draft from appraised scores, refuses approval while an appraisal is open, then publishes immutable reports', async () => {
    const admin = await tokens.admin();
    const council = await tokens.council();
    const unpublished = await api('GET', `/v1/public/results/${year}`);
    expect([unpublished.status, unpublished.body.code]).toEqual([404, 'RESULTS_NOT_PUBLISHED']);

    const first = await api('POST', `/v1/cycles/${year}/results/compute`, { token: admin });
    expect(first.status).toBe(200);
    expect(first.body.notFinalized).toEqual([{ unitId: 'H-THANHPHU', state: 'submitted' }]);
    const refused = await api('POST', `/v1/cycles/${year}/results/approve`, {
      token: council,
      body: { decision: 'Quyết định số 1/QĐ-HĐTĐ', computedAt: first.body.computedAt },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('APPRAISALS_OPEN');
    expect(refused.body.errors[0].path).toBe('units["H-THANHPHU"]');

    const lead = await tokens.appraiser('SNV', '*');
    expect((await api('POST', `${base('H-THANHPHU')}/appraisal/finalize`, { token: lead })).status).toBe(200);
    const draft = await api('POST', `/v1/cycles/${year}/results/compute`, { token: admin });
    expect(draft.body.notFinalized).toEqual([]);
    const results = draft.body.results.district;
    expect(results.units).toHaveLength(9);
    const selfMax =
      leaves(framework)
        .filter((e) => e.leaf.method === 'self')
        .reduce((s, e) => s + e.leaf.maxPoints * 4, 0) / 4;
    const surveyLeaves = leaves(framework)
      .filter((e) => e.leaf.method === 'survey')
      .map((e) => e.leaf.code);
    const top = results.units[0];
    // No survey answers in this cycle: survey leaves score 0 and are listed as missing.
    expect(top).toMatchObject({ rank: 1, total: selfMax, maxApplicable: 100, index: selfMax, missing: surveyLeaves });
    const last = results.units.at(-1);
    expect(last).toMatchObject({ unitId: lowered, rank: 9, total: selfMax - loweredLeaf.maxPoints });
    expect(results.units.slice(0, 8).every((u: { rank: number }) => u.rank === 1)).toBe(true);
    const names = results.units.slice(0, 8).map((u: { name: string }) => u.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
    expect(results.stats.district).toMatchObject({ count: 9, max: selfMax });

    const read = await api('GET', `/v1/cycles/${year}/results?type=district`, { token: council });
    expect(read.status).toBe(200);
    expect(read.body.computedAt).toBe(draft.body.computedAt);

    const stale = await api('POST', `/v1/cycles/${year}/results/approve`, {
      token: council,
      body: { decision: 'Quyết định số 2/QĐ-HĐTĐ', computedAt: first.body.computedAt },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('DRAFT_SUPERSEDED');
    expect(await getPublication(year)).toBeUndefined();

    const approved = await api('POST', `/v1/cycles/${year}/results/approve`, {
      token: council,
      body: { decision: 'Quyết định số 2/QĐ-HĐTĐ', computedAt: draft.body.computedAt },
    });
    expect(approved.status).toBe(200);
    // The request publishes and asks for its reports; it writes no report object itself.
    expect([approved.body.reports, approved.body.files]).toEqual(['pending', []]);
    const reports = await publishedReports(year);
    expect(reports.body.reports).toBe('ready');
    expect(reports.body.files.map((f: { name: string }) => f.name).sort()).toEqual([
      `data-dictionary-${year}.csv`,
      `open-data-${year}.csv`,
      `open-data-${year}.json`,
      `report-${year}.html`,
      `results-${year}-excel.csv`,
      `results-${year}.csv`,
      `results-${year}.json`,
      `results-${year}.xlsx`,
    ]);
    expect((await getCycle(year))?.phase).toBe('published');

    const published = await api('GET', `/v1/public/results/${year}?type=district`);
    expect(published.status).toBe(200);
    // Published as drafted, each unit naming the decision that published it.
    expect(approved.body.publishedBy).toMatchObject({ council: 'province', decision: approved.body.decision });
    expect(published.body.results.district).toEqual({
      ...results,
      units: results.units.map((u: object) => ({ ...u, publishedBy: approved.body.publishedBy })),
    });
    expect(published.body.notFinalized).toBeUndefined();
    for (const file of reports.body.files) {
      const bytes = Buffer.from(await (await fetch(file.url)).arrayBuffer());
      expect(bytes.length, file.name).toBe(file.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), file.name).toBe(file.sha256);
    }
    const csv = Buffer.from(
      await (await fetch(reports.body.files.find((f: { name: string }) => f.name === `results-${year}.csv`).url)).arrayBuffer(),
    ).toString('utf8');
    expect(csv.split('\r\n')[1]).toContain(results.units[0].unitId);

    const recompute = await api('POST', `/v1/cycles/${year}/results/compute`, { token: admin });
    expect([recompute.status, recompute.body.code]).toEqual([409, 'CYCLE_PUBLISHED']);
    const again = await api('POST', `/v1/cycles/${year}/results/approve`, {
      token: council,
      body: { decision: 'Quyết định khác', computedAt: draft.body.computedAt },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_PUBLISHED');
    expect((await getPublication(year))?.decision).toBe('Quyết định số 2/QĐ-HĐTĐ');
  });
});

async function reportObjects(y: number): Promise<string[]> {
  const out = await s3().send(new ListObjectsV2Command({ Bucket: bucketName('reports'), Prefix: `published/${y}/` }));
  return (out.Contents ?? []).map((o) => o.Key!).sort();
}

describe('after publication', () => {
  it('refuses exemption and framework changes for the published cycle (409 CYCLE_PUBLISHED) and stores nothing', async () => {
    const admin = await tokens.admin();
    const cycle = await getCycle(year);
    expect(cycle?.phase).toBe('published');
    const exempt = await api('PATCH', `/v1/cycles/${year}`, {
      token: admin,
      body: { notApplicable: { [lowered]: [loweredLeaf.code] }, reason: 'Miễn chấm', expectedVersion: cycle!.version },
    });
    expect([exempt.status, exempt.body.code]).toEqual([409, 'CYCLE_PUBLISHED']);
    const phase = await api('PATCH', `/v1/cycles/${year}`, { token: admin, body: { phase: 'open', expectedVersion: cycle!.version } });
    expect([phase.status, phase.body.code]).toEqual([409, 'CYCLE_PUBLISHED']);
    expect(await getCycle(year)).toEqual(cycle);

    const stored = await getFramework('district-2024');
    const changed = await api('PUT', '/v1/frameworks/district-2024', {
      token: admin,
      body: { ...stored!.framework, name: 'Bộ chỉ số đã sửa', expectedVersion: stored!.version },
    });
    expect([changed.status, changed.body.code]).toEqual([409, 'CYCLE_PUBLISHED']);
    expect(await getFramework('district-2024')).toEqual(stored);
  });

  it('records every phase transition of the cycle with its actor, and the decision for approval and publication', async () => {
    const events = (await listAudit(`CYCLE#${year}`)).filter((e) => e.action === 'cycle.phase-changed').reverse();
    expect(events.map((e) => [e.actor.username, (e.before as { phase: string }).phase, (e.after as { phase: string }).phase])).toEqual([
      ['admin', 'open', 'computation'],
      ['council', 'computation', 'approved'],
      ['council', 'approved', 'published'],
    ]);
    expect(events.slice(1).map((e) => (e.after as { decision: string }).decision)).toEqual([
      'Quyết định số 2/QĐ-HĐTĐ',
      'Quyết định số 2/QĐ-HĐTĐ',
    ]);
  });
});

describe('twenty concurrent approvals', () => {
  it('publish exactly once and leave exactly one set of report objects', async () => {
    const y = 2084;
    const admin = await tokens.admin();
    // A cycle without unit types: its draft is complete at once, so the race is all that is tested.
    expect(
      (await api('POST', '/v1/cycles', { token: admin, body: { year: y, frameworks: {}, deadlines: cycleDeadlines(y) } })).status,
    ).toBe(201);
    const draft = await api('POST', `/v1/cycles/${y}/results/compute`, { token: admin });
    expect(draft.status).toBe(200);
    expect(await reportObjects(y)).toEqual([]);
    const council = await tokens.council();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api('POST', `/v1/cycles/${y}/results/approve`, {
          token: council,
          body: { decision: `Quyết định số ${i + 1}/QĐ-HĐTĐ`, computedAt: draft.body.computedAt },
        }),
      ),
    );
    const won = answers.filter((a) => a.status === 200);
    expect(won).toHaveLength(1);
    const lost = answers.filter((a) => a.status !== 200);
    expect(lost.map((a) => a.status)).toEqual(Array(19).fill(409));
    expect(lost.every((a) => ['ALREADY_PUBLISHED', 'APPROVAL_IN_PROGRESS'].includes(a.body.code))).toBe(true);
    await publishedReports(y);
    const publication = await getPublication(y);
    expect(publication?.decision).toBe(won[0]!.body.decision);
    expect(await reportObjects(y)).toEqual(publication!.files.map((f) => f.key).sort());
    expect(publication!.files).toHaveLength(8);
    expect((await getCycle(y))?.phase).toBe('published');
    const approvals = (await listAudit(`RESULTS#${y}`)).filter((e) => e.action === 'results.approved');
    expect(approvals).toHaveLength(1);
  });
});
