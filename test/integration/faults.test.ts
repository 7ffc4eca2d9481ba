/**
 * The fault suite (issue 10): throttling (ProvisionedThroughputExceededException,
 * ThrottlingException) and timeouts, before the request reaches DynamoDB and after it committed,
 * injected into the SDK client on score writes, evidence, submission, approval and ingestion. The
 * same work is done twice, once without faults and once with them, on twin units, cycles or
 * surveys; what is stored afterwards (scores, versions, states, results, counts, audit events)
 * must be the same, with no audit event lost or written twice.
 */
import { randomUUID } from 'node:crypto';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicableLeaves } from '../../shared/domain/framework.ts';
import { loadAssessment } from '../../shared/store/assessment-store.ts';
import { listAudit, type AuditEvent } from '../../shared/store/audit.ts';
import { s3 } from '../../shared/store/clients.ts';
import { assessmentAuditSubject } from '../../shared/store/entities/assessment-header.ts';
import { readCounts } from '../../shared/store/survey-respondents-store.ts';
import { api, tokens } from '../support/api.ts';
import { publishedReports } from '../support/reports.ts';
import {
  cycleDeadlines,
  fillSelfLeaves,
  pdfBytes,
  referenceFramework,
  sha256,
  uploadEvidence,
  uploadToForm,
} from '../support/assessment-helpers.ts';
import { call, installFaults, mixedPlan, startInProcessApi, transactionsCommitThenTimeOut, type FaultPlan } from '../support/faults.ts';
import { csv, departmentSurvey, header } from '../support/survey-helpers.ts';

const year = 2072;
const faults = installFaults();
let local: { url: string; close: () => Promise<void> };
const req = <T = any>(method: string, path: string, options: Parameters<typeof call>[3] = {}) => call<T>(local.url, method, path, options);

/** Runs `work` with the mixed fault plan and answers what was injected. */
async function withFaults<T>(
  work: () => Promise<T>,
  plan: FaultPlan = mixedPlan,
): Promise<{ result: T; injected: typeof faults.injected }> {
  faults.plan = plan;
  faults.calls = 0;
  faults.injected = [];
  try {
    return { result: await work(), injected: [...faults.injected] };
  } finally {
    faults.plan = undefined;
  }
}

/** An import report without what differs between twins (its id, survey id, times). */
const reportView = (report: Record<string, unknown>, surveyId: string) => {
  const { importId, ...rest } = report;
  return JSON.parse(
    JSON.stringify(rest)
      .replaceAll(String(importId), '<import>')
      .replaceAll(surveyId, '<survey>')
      .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '<time>'),
  ) as unknown;
};

/** An audit trail with what differs between twins (times, ids, the unit or year itself) taken out. */
function trail(events: AuditEvent[], twin: string) {
  const strip = (v: unknown) =>
    JSON.stringify(v ?? null)
      .replaceAll(twin, '<twin>')
      .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '<time>')
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
      .replace(/\d{8}T\d{6}Z-[0-9a-f]{10}/g, '<import>')
      // Report files carry their year and approval time, so their checksums differ between twins.
      .replace(/[0-9a-f]{64}/g, '<sha256>');
  return events.map((e) => `${e.action} ${strip(e.target)} ${strip(e.after)}`).sort();
}

beforeAll(async () => {
  local = await startInProcessApi();
  const admin = await tokens.admin();
  const opened = await req('POST', '/v1/cycles', {
    token: admin,
    body: {
      year,
      frameworks: { department: 'department-2024' },
      surveys: { department: 'department-survey-2024' },
      deadlines: cycleDeadlines(year),
    },
  });
  expect(opened.status).toBe(201);
}, 60_000);

afterAll(async () => {
  await local?.close();
});

/** A clerk's whole path: evidence declared, uploaded and confirmed, every self leaf scored, submitted. */
async function clerkPath(unitId: string, keys = true) {
  const clerk = await tokens.unit(unitId);
  const base = `/v1/cycles/${year}/units/${unitId}`;
  const file = pdfBytes(`Báo cáo ${year}`);
  const statuses: number[] = [];
  const created = await req('POST', `${base}/evidence`, {
    token: clerk,
    headers: keys ? { 'idempotency-key': `evidence-${unitId}` } : {},
    body: { fileName: 'bao-cao.pdf', contentType: 'application/pdf', size: file.length, sha256: sha256(file) },
  });
  statuses.push(created.status);
  expect(await uploadToForm(created.body.upload, file, 'application/pdf')).toBeLessThan(300);
  const evidenceId = created.body.evidenceId as string;
  const confirmed = await req('POST', `${base}/evidence/${evidenceId}/confirm`, { token: clerk });
  statuses.push(confirmed.status);
  for (const { leaf } of applicableLeaves(referenceFramework('department'), [])) {
    if (leaf.method !== 'self') continue;
    const res = await req('PUT', `${base}/assessment/items/${leaf.code}`, {
      token: clerk,
      body: { selfScore: leaf.maxPoints, ...(leaf.evidenceRequired ? { evidence: [{ evidenceId, page: 'tr. 1' }] } : {}) },
    });
    statuses.push(res.status);
  }
  const submitted = await req('POST', `${base}/assessment/submit`, {
    token: clerk,
    headers: keys ? { 'idempotency-key': `submit-${unitId}` } : {},
  });
  statuses.push(submitted.status);
  const stored = await req('GET', `${base}/assessment`, { token: clerk });
  return { statuses, stored: stored.body, audit: await listAudit(assessmentAuditSubject(year, unitId), 1000) };
}

const view = (assessment: any) => ({
  state: assessment.state,
  version: assessment.version,
  totals: assessment.totals,
  items: assessment.items.map((i: any) => ({
    code: i.code,
    selfScore: i.selfScore,
    version: i.version,
    evidence: i.evidence?.length ?? 0,
  })),
});

const faultBucket = 'par-faults-imports';

async function ingestTwin(admin: string, surveyId: string, file: Buffer) {
  const definition = { ...departmentSurvey(), id: surveyId, unitType: 'department', name: `Khảo sát ${surveyId}` };
  expect((await req('PUT', `/v1/cycles/${year}/surveys/${surveyId}`, { token: admin, body: definition })).status).toBeLessThan(300);
  const created = await req('POST', `/v1/cycles/${year}/surveys/${surveyId}/imports`, {
    token: admin,
    body: { fileName: 'phieu.csv', format: 'csv' },
  });
  expect(created.status).toBe(201);
  await s3().send(new PutObjectCommand({ Bucket: faultBucket, Key: created.body.objectKey, Body: file }));
  const { handler } = await import('../../functions/surveys/ingest-upload.ts');
  const event = {
    Records: [{ eventName: 'ObjectCreated:Put', s3: { bucket: { name: faultBucket }, object: { key: created.body.objectKey } } }],
  };
  await handler(event as never, lambdaContext());
  const report = await req('GET', `/v1/cycles/${year}/surveys/${surveyId}/imports/${created.body.importId}`, { token: admin });
  const counts = (await readCounts(year, surveyId))
    .map(({ source: _s, ...c }) => c)
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { report: report.body, counts, audit: await listAudit(`SURVEY#${year}#${surveyId}`) };
}

function lambdaContext(): Context {
  return {
    awsRequestId: randomUUID(),
    functionName: 'par-faults-ingest',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:par-faults-ingest',
    memoryLimitInMB: '1024',
    logGroupName: '/aws/lambda/par-faults-ingest',
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => 900_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** A district cycle (fault-free, through the main runtime) whose 9 districts are appraised on area 1 only. */
async function prepareDistrictCycle(cycleYear: number) {
  const admin = await tokens.admin();
  const framework = referenceFramework('district');
  const districts = (await api('GET', '/v1/units?type=district', { token: admin })).body.units as { id: string }[];
  const exempt = framework.areas.map((a) => a.code).filter((c) => c !== '1');
  const opened = await api('POST', '/v1/cycles', {
    token: admin,
    body: {
      year: cycleYear,
      frameworks: { district: 'district-2024' },
      deadlines: cycleDeadlines(cycleYear),
      notApplicable: Object.fromEntries(districts.map((d) => [d.id, exempt])),
    },
  });
  expect(opened.status).toBe(201);
  const lead = await tokens.appraiser('SNV', '*');
  for (const d of districts) {
    const clerk = await tokens.unit(d.id);
    const base = `/v1/cycles/${cycleYear}/units/${d.id}`;
    const evidenceId = await uploadEvidence(clerk, cycleYear, d.id, pdfBytes(d.id));
    expect((await api('POST', `${base}/evidence/${evidenceId}/confirm`, { token: clerk })).status).toBe(200);
    await fillSelfLeaves(clerk, cycleYear, d.id, framework, evidenceId, exempt);
    expect((await api('POST', `${base}/assessment/submit`, { token: clerk })).status).toBe(200);
    expect((await api('POST', `${base}/appraisal/accept-remaining`, { token: lead })).status).toBe(200);
    expect((await api('POST', `${base}/appraisal/finalize`, { token: lead })).status).toBe(200);
  }
}

async function approve(cycleYear: number) {
  const draft = await api('POST', `/v1/cycles/${cycleYear}/results/compute`, { token: await tokens.admin() });
  expect(draft.status).toBe(200);
  const approved = await req('POST', `/v1/cycles/${cycleYear}/results/approve`, {
    token: await tokens.council(),
    body: { decision: 'Quyết định số 7/QĐ-HĐTĐ', computedAt: draft.body.computedAt },
  });
  const published = await api('GET', `/v1/public/results/${cycleYear}`);
  // The report function (the runtime's, fault-free) writes the files after the approval: its audit event belongs to the trail.
  const reports = await publishedReports(cycleYear);
  const files = reports.body.files.map((f: { name: string }) => f.name.replace(String(cycleYear), '<year>')).sort();
  return { status: approved.status, published: published.body, files, audit: await listAudit(`RESULTS#${cycleYear}`) };
}

describe('faults injected into the DynamoDB client', () => {
  it('score writes, evidence and submission: the same state, versions and audit trail as without faults', async () => {
    const clean = await clerkPath('SGTVT');
    expect(clean.statuses.filter((s) => s !== 200 && s !== 201)).toEqual([]);
    const { result: faulty, injected } = await withFaults(() => clerkPath('SXD'));
    // The faults did happen, of every kind, on writes as well as reads.
    expect(new Set(injected.map((i) => i.kind))).toEqual(
      new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'timeout', 'timeout-after-commit']),
    );
    expect(injected.some((i) => i.command === 'TransactWriteItemsCommand' && i.kind === 'timeout-after-commit')).toBe(true);
    expect(faulty.statuses).toEqual(clean.statuses);
    expect(view(faulty.stored)).toEqual(view(clean.stored));
    expect(faulty.stored.state).toBe('submitted');
    expect(faulty.audit).toHaveLength(clean.audit.length);
    expect(trail(faulty.audit, 'SXD')).toEqual(trail(clean.audit, 'SGTVT'));
  }, 240_000);

  it('every transaction committing and then timing out: the retries are answered "done", not refused or applied twice', async () => {
    const clean = await clerkPath('SVHTTDL', false);
    const { result: faulty, injected } = await withFaults(() => clerkPath('STNMT', false), transactionsCommitThenTimeOut);
    const kinds = new Set(injected.map((i) => i.command));
    expect(kinds.has('TransactWriteItemsCommand')).toBe(true);
    expect(faulty.statuses).toEqual(clean.statuses);
    expect(view(faulty.stored)).toEqual(view(clean.stored));
    expect(trail(faulty.audit, 'STNMT')).toEqual(trail(clean.audit, 'SVHTTDL'));
  }, 240_000);

  it('an Idempotency-Key claim that committed and then timed out is recognised as its own: the request succeeds once, a replay answers it', async () => {
    const clerk = await tokens.unit('SCT');
    const file = pdfBytes('Kế hoạch');
    const body = { fileName: 'ke-hoach.pdf', contentType: 'application/pdf', size: file.length, sha256: sha256(file) };
    const request = () =>
      req('POST', `/v1/cycles/${year}/units/SCT/evidence`, { token: clerk, headers: { 'idempotency-key': 'claim-timeout-1' }, body });
    const claimThenTimeOut: FaultPlan = (_call, command) =>
      command === 'PutCommand' || command === 'PutItemCommand' ? 'timeout-after-commit' : undefined;
    const { result: first, injected } = await withFaults(request, claimThenTimeOut);
    expect(injected.length).toBeGreaterThan(0);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const replay = await request();
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.evidenceId).toBe(first.body.evidenceId);
    // One evidence record, the one answered: the retried claim did not run the work twice.
    expect([...(await loadAssessment(year, 'SCT')).evidence.keys()]).toEqual([first.body.evidenceId]);
  }, 120_000);

  it('ingestion: the same import report, counts and audit trail as without faults', async () => {
    const admin = await tokens.admin();
    // Objects go to a bucket of this test only: the runtime's upload events must not ingest them too.
    await s3().send(new CreateBucketCommand({ Bucket: faultBucket }));
    const rows = [header];
    // 13 leaders (every 3rd line), 27 citizens of whom 6 answer "F", out of scale: 34 accepted, 6 rejected.
    for (let n = 1; n <= 40; n++) {
      const unit = n % 2 ? 'SNV' : 'STP';
      rows.push(n % 3 ? [`R${n}`, unit, 'citizen', '', 'B', n % 5 ? 'C' : 'F'] : [`R${n}`, unit, 'leader', 'A', '', '']);
    }
    rows.push(['R1', 'STP', 'leader', 'B', '', '']); // a duplicate
    const file = csv(rows);
    const clean = await ingestTwin(admin, 'fault-ref', file);
    const { result: faulty, injected } = await withFaults(() => ingestTwin(admin, 'fault-hit', file));
    expect(injected.length).toBeGreaterThan(3);
    expect(clean.report).toMatchObject({ status: 'done', accepted: 34, duplicates: 1, rejectedCount: 6 });
    expect(reportView(faulty.report, 'fault-hit')).toEqual(reportView(clean.report, 'fault-ref'));
    expect(faulty.counts).toEqual(clean.counts);
    expect(clean.counts.length).toBeGreaterThan(0);
    expect(trail(faulty.audit, 'fault-hit')).toEqual(trail(clean.audit, 'fault-ref'));
  }, 120_000);

  it('approval: the same publication and audit trail as without faults, each written once', async () => {
    const [cleanYear, faultyYear] = [2073, 2074];
    await prepareDistrictCycle(cleanYear);
    await prepareDistrictCycle(faultyYear);
    const clean = await approve(cleanYear);
    const { result: faulty, injected } = await withFaults(() => approve(faultyYear));
    expect(injected.length).toBeGreaterThan(0);
    expect(faulty.status).toBe(200);
    expect(faulty.status).toBe(clean.status);
    const unitsOf = (p: any) => p.results.district.units.map((u: any) => [u.unitId, u.rank, u.total, u.index]);
    expect(unitsOf(faulty.published)).toEqual(unitsOf(clean.published));
    expect(clean.files).toHaveLength(8);
    expect(faulty.files).toEqual(clean.files);
    expect(faulty.audit.filter((e) => e.action === 'results.approved')).toHaveLength(1);
    expect(trail(faulty.audit, String(faultyYear))).toEqual(trail(clean.audit, String(cleanYear)));
  }, 300_000);
});
