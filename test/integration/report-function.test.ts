/**
 * The report function after an approval (issue 15): the request answers with the files pending and
 * writes no report object; the function writes them once. A duplicate or retried event writes the
 * same objects (same keys, so the same bytes) and does not change the publication again; a
 * publication whose request was lost is taken up by the re-drive.
 */
import { randomUUID } from 'node:crypto';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handler } from '../../functions/results/generate-reports.ts';
import { approveResults } from '../../shared/app/results/approve-results.ts';
import { publicationStores } from '../../shared/app/results/publication-stores.ts';
import { writeReportFiles } from '../../shared/app/results/generate-reports.ts';
import type { Caller } from '../../shared/domain/roles.ts';
import { listAudit } from '../../shared/store/audit.ts';
import { bucketName, s3 } from '../../shared/store/clients.ts';
import { getCouncilPublication } from '../../shared/store/results-store.ts';
import { reportRequestKey } from '../../shared/store/report-requests.ts';
import { api, apiUrl, tokens } from '../support/api.ts';
import { cycleDeadlines } from '../support/assessment-helpers.ts';
import { publishedReports } from '../support/reports.ts';

const council: Caller = { subject: 'council', username: 'council', roles: ['council'], areas: [] };

async function keys(prefix: string): Promise<string[]> {
  const out = await s3().send(new ListObjectsV2Command({ Bucket: bucketName('reports'), Prefix: prefix }));
  return (out.Contents ?? []).map((o) => o.Key!).sort();
}

/** A cycle without unit types: its draft is complete at once. */
async function computedCycle(year: number) {
  const admin = await tokens.admin();
  const opened = await api('POST', '/v1/cycles', { token: admin, body: { year, frameworks: {}, deadlines: cycleDeadlines(year) } });
  expect(opened.status).toBe(201);
  const draft = await api('POST', `/v1/cycles/${year}/results/compute`, { token: admin });
  expect(draft.status).toBe(200);
  return draft.body.computedAt as string;
}

const context = (): Context => ({
  awsRequestId: randomUUID(),
  functionName: 'par-test-reports',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:par-test-reports',
  memoryLimitInMB: '1024',
  logGroupName: '/aws/lambda/par-test-reports',
  logStreamName: 'local',
  callbackWaitsForEmptyEventLoop: false,
  getRemainingTimeInMillis: () => 300_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

const requestEvent = (year: number) => ({
  Records: [
    {
      eventName: 'ObjectCreated:Put',
      s3: { bucket: { name: bucketName('reports') }, object: { key: reportRequestKey(year, 'province') } },
    },
  ],
});

describe('the report function', () => {
  it('writes the files of an approval once; a duplicate event, even racing the first, changes nothing', async () => {
    const year = 2093;
    const computedAt = await computedCycle(year);
    const approved = await api('POST', `/v1/cycles/${year}/results/approve`, {
      token: await tokens.council(),
      body: { decision: 'Quyết định số 93/QĐ-HĐTĐ', computedAt },
    });
    expect(approved.status).toBe(200);
    expect([approved.body.reports, approved.body.files]).toEqual(['pending', []]);
    expect(await keys(reportRequestKey(year, 'province'))).toEqual([reportRequestKey(year, 'province')]);
    // A duplicate delivery, here in this process, racing the runtime's own.
    const duplicate = await handler(requestEvent(year) as never, context());
    expect(['written', 'already-ready']).toContain(duplicate.outcomes[0]!.outcome);
    const ready = await publishedReports(year);
    expect(ready.body.files).toHaveLength(8);
    const publication = await getCouncilPublication(year);
    expect(publication?.reports).toBe('ready');
    expect(await keys(`published/${year}/`)).toEqual(publication!.files.map((f) => f.key).sort());
    // Whichever run completed it, it was the report function, once.
    const written = (await listAudit(`RESULTS#${year}`)).filter((e) => e.action === 'results.reports-written');
    expect(written.map((e) => e.actor.username)).toEqual(['system:reports']);

    // A retried event after completion: nothing written, the publication as it was.
    const retried = await handler(requestEvent(year) as never, context());
    expect(retried.outcomes).toEqual([{ year, council: 'province', outcome: 'already-ready' }]);
    expect(await getCouncilPublication(year)).toEqual(publication);
    // And the same publication builds the same bytes: the same keys (content hashes), no new object.
    expect(await writeReportFiles(publication!)).toEqual(publication!.files);
    expect(await keys(`published/${year}/`)).toEqual(publication!.files.map((f) => f.key).sort());
    expect((await listAudit(`RESULTS#${year}`)).filter((e) => e.action === 'results.reports-written')).toHaveLength(1);
  }, 180_000);

  it('the re-drive takes up a publication whose report request was lost', async () => {
    const year = 2094;
    const computedAt = await computedCycle(year);
    const lost = { ...publicationStores, requestReports: async () => undefined };
    const approved = await approveResults(council, { year, decision: 'Quyết định số 94/QĐ-HĐTĐ', computedAt }, lost);
    expect(approved.reports).toBe('pending');
    expect(await keys(reportRequestKey(year, 'province'))).toEqual([]);
    const pending = await api('GET', `/v1/public/results/${year}/reports`);
    expect([pending.status, pending.body.reports, pending.body.files]).toEqual([200, 'pending', []]);
    const page = await fetch(`${apiUrl}/cong-khai/${year}`);
    expect(await page.text()).toContain('Báo cáo đang được tạo');

    const redrive = await handler({ resume: true } as never, context());
    expect(redrive.outcomes).toContainEqual({ year, council: 'province', outcome: 'written' });
    const ready = await publishedReports(year);
    expect(ready.body.files).toHaveLength(8);
    expect((await getCouncilPublication(year))?.reports).toBe('ready');
  }, 180_000);
});
