/**
 * The yearly state machine run locally (the ASL file CDK deploys, in aws-local-stepfunctions) over
 * a small cycle: the nine districts self-assess and eight submit (the late one is reminded),
 * appraisers finalise while the machine waits for the final appraisal deadline, the council
 * approves while the machine waits for its callback, the reports are published. Then retries and
 * the failure path, with handlers that throw.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as loadCycle } from '../../functions/pipeline/load-cycle.ts';
import { handler as checkPublication } from '../../functions/pipeline/check-publication.ts';
import { handler as confirmPublication } from '../../functions/pipeline/confirm-publication.ts';
import { listReminders } from '../../shared/store/reminders-store.ts';
import { runPipeline } from '../../infra/local/pipeline-runner.ts';
import { listAudit } from '../../shared/store/audit.ts';
import { getCycle } from '../../shared/store/cycles-store.ts';
import { getStep } from '../../shared/store/pipeline-store.ts';
import { readReportFile } from '../../shared/store/report-files-store.ts';
import { getPublication } from '../../shared/store/results-store.ts';
import { api, tokens } from '../support/api.ts';
import { cycleDeadlines, fillSelfLeaves, pdfBytes, referenceFramework, sha256, uploadEvidence } from '../support/assessment-helpers.ts';

const year = 2036;
const framework = referenceFramework('district');
const base = (unitId: string) => `/v1/cycles/${year}/units/${unitId}`;
let districts: { id: string; name: string }[] = [];
const late = 'H-THANHPHU';

beforeAll(async () => {
  const admin = await tokens.admin();
  const opened = await api('POST', '/v1/cycles', {
    token: admin,
    body: {
      year,
      frameworks: { district: 'district-2024' },
      deadlines: cycleDeadlines(year),
    },
  });
  expect(opened.status).toBe(201);
  districts = (await api('GET', '/v1/units?type=district', { token: admin })).body.units;
  expect(districts).toHaveLength(9);
  await Promise.all(
    districts.map(async (d) => {
      const clerk = await tokens.unit(d.id);
      const evidenceId = await uploadEvidence(clerk, year, d.id, pdfBytes(d.id));
      expect((await api('POST', `${base(d.id)}/evidence/${evidenceId}/confirm`, { token: clerk })).status).toBe(200);
      await fillSelfLeaves(clerk, year, d.id, framework, evidenceId);
      // One district submits late: after the deadline's close it is recorded as not submitted.
      if (d.id !== late) expect((await api('POST', `${base(d.id)}/assessment/submit`, { token: clerk })).status).toBe(200);
    }),
  );
}, 300_000);

describe('the yearly pipeline, run locally from the deployed ASL', () => {
  it("closes submission, computes, resumes on the council's approval and confirms the published reports", async () => {
    const lead = await tokens.appraiser('SNV', '*');
    const council = await tokens.council();
    let approval: Promise<void> | undefined;
    // What the publication's reports were each time CheckPublication ran (the callback comes before it).
    const seen: (string | undefined)[] = [];
    const result = await runPipeline({
      year,
      handlers: {
        CheckPublication: async (input) => {
          seen.push((await getPublication(year))?.reports);
          return checkPublication(input);
        },
      },
      executionName: `cycle-${year}`,
      // Far longer than the run: only the callback can resume the machine in time.
      approvalTimeoutMs: 60_000,
      afterTask: {
        // The appraisal window: the late unit submits (admin-extended in real life), appraisers finalise all.
        CloseSubmission: async () => {
          expect((await getCycle(year))?.phase).toBe('appraisal');
          for (const d of districts) {
            if (d.id === late)
              expect((await api('POST', `${base(d.id)}/assessment/submit`, { token: await tokens.unit(d.id) })).status).toBe(200);
            expect((await api('POST', `${base(d.id)}/appraisal/accept-remaining`, { token: lead })).status).toBe(200);
            expect((await api('POST', `${base(d.id)}/appraisal/finalize`, { token: lead })).status).toBe(200);
          }
        },
        // The council approves a moment after the draft, while the machine waits in AwaitApproval.
        ComputeResults: async () => {
          approval = (async () => {
            await new Promise((resolve) => setTimeout(resolve, 300));
            const draft = await api('GET', `/v1/cycles/${year}/results?type=district`, { token: council });
            expect(draft.status).toBe(200);
            const approved = await api('POST', `/v1/cycles/${year}/results/approve`, {
              token: council,
              body: { decision: 'Quyết định số 9/QĐ-HĐTĐ', computedAt: draft.body.computedAt },
            });
            expect(approved.status).toBe(200);
          })();
        },
      },
    });
    await approval;
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('SUCCEEDED');
    const entered = result.events.filter((e) => e.type === 'StateEntered').map((e) => e.state);
    // Each deadline wait loops (reminders, then the deadline) and ends in its task; the approval needs no poll.
    const main = entered.filter((s) => !/^(RemindBefore|WaitFor|.*DeadlinePassed$)/.test(s!));
    expect(main).toEqual([
      'YearGiven',
      'LoadCycle',
      'AlreadyPublished',
      'CloseSubmission',
      'AggregateSurveys',
      'ComputeResults',
      'AwaitApproval',
      'CheckPublication',
      'IsPublished',
      'ConfirmPublication',
      'Published',
    ]);
    expect(entered.slice(3, 6)).toEqual([
      'RemindBeforeSelfAssessmentDeadline',
      'SelfAssessmentDeadlinePassed',
      'WaitForSelfAssessmentDeadline',
    ]);
    expect(result.events.some((e) => e.type === 'StateCaught')).toBe(false);
    expect(result.ms).toBeLessThan(60_000);
    // The approval answered with its reports pending; the machine was resumed only once they were written.
    expect(seen).toEqual(['ready']);

    // Only the unit that had not submitted was reminded, once per reminder moment of its deadline.
    const reminders = (await listReminders(year)).filter((r) => r.kind === 'selfAssessment');
    expect(reminders.map((r) => `${r.subject} ${r.slot} ${r.status}`).sort()).toEqual([
      `${late} 2d sent`,
      `${late} 7d sent`,
      `${late} morning sent`,
    ]);
    expect(new Set(reminders.map((r) => r.deadline))).toEqual(new Set([cycleDeadlines(year).selfAssessment]));
    expect((await getCycle(year))?.phase).toBe('published');
    expect((await getStep(year, 'close-submission'))?.details).toMatchObject({
      units: 9,
      notSubmitted: [{ unitId: late, state: 'draft' }],
    });
    expect((await getStep(year, 'compute-results'))?.details).toMatchObject({ units: 9, notFinalized: [] });
    // Every phase transition audited with its actor: the pipeline's two, then the council's approval and publication.
    const transitions = (await listAudit(`CYCLE#${year}`)).filter((e) => e.action === 'cycle.phase-changed').reverse();
    expect(transitions.map((e) => [e.actor.username, (e.after as { phase: string }).phase])).toEqual([
      ['system:pipeline', 'appraisal'],
      ['system:pipeline', 'computation'],
      ['council', 'approved'],
      ['council', 'published'],
    ]);

    const publication = await getPublication(year);
    expect(publication?.decision).toBe('Quyết định số 9/QĐ-HĐTĐ');
    const confirmed = (result.output?.publication as { files: { key: string; sha256: string }[] }).files;
    expect(confirmed.map((f) => f.key).sort()).toEqual(publication!.files.map((f) => f.key).sort());
    for (const file of confirmed) expect(sha256(await readReportFile(file.key))).toBe(file.sha256);
  }, 120_000);

  it('retries a task that fails once, and the run succeeds (a re-run after publication only confirms)', async () => {
    let calls = 0;
    const result = await runPipeline({
      year,
      handlers: {
        ConfirmPublication: async (input) => {
          if (++calls === 1) throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
          return confirmPublication(input);
        },
      },
    });
    expect(result.status).toBe('SUCCEEDED');
    expect(calls).toBe(2);
    expect(result.events.filter((e) => e.type === 'StateRetried').map((e) => e.state)).toEqual(['ConfirmPublication']);
    expect(result.events.filter((e) => e.type === 'StateEntered').map((e) => e.state)).toEqual([
      'YearGiven',
      'LoadCycle',
      'AlreadyPublished',
      'ConfirmPublication',
      'Published',
    ]);
  });

  it('takes the year from the time the yearly schedule fired', async () => {
    const result = await runPipeline({ year, input: { scheduledTime: `${year}-11-01T01:00:00Z` } });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toMatchObject({ year, cycle: { year, phase: 'published' } });
    expect(
      result.events
        .filter((e) => e.type === 'StateEntered')
        .map((e) => e.state)
        .slice(0, 3),
    ).toEqual(['YearGiven', 'YearFromSchedule', 'LoadCycle']);
  });

  it('retries a failing task with backoff up to its limit, then reports the failure and fails', async () => {
    let calls = 0;
    const result = await runPipeline({
      year,
      handlers: {
        LoadCycle: async () => {
          calls++;
          throw Object.assign(new Error('DynamoDB unreachable'), { name: 'ServiceUnavailable' });
        },
      },
    });
    expect(result.status).toBe('FAILED');
    expect(result.error?.name).toBe('ServiceUnavailable');
    expect(calls).toBe(5); // the first attempt and the States.ALL retrier's 4
    const entered = result.events.filter((e) => e.type === 'StateEntered').map((e) => e.state);
    expect(entered).toEqual(['YearGiven', 'LoadCycle', 'ReportFailure', 'PipelineFailed']);
    const failure = await getStep(year, 'failure');
    expect(failure?.details).toMatchObject({ error: { name: 'ServiceUnavailable', cause: 'DynamoDB unreachable' } });
    expect((await getCycle(year))?.phase).toBe('published');
  });

  it('does not retry a permanent failure: a cycle that does not exist is reported at once', async () => {
    const result = await runPipeline({ year: 2098, handlers: { LoadCycle: async (input) => loadCycle(input) } });
    expect(result.status).toBe('FAILED');
    expect(result.error?.name).toBe('CycleNotFound');
    expect(result.events.some((e) => e.type === 'StateRetried')).toBe(false);
    expect((await getStep(2098, 'failure'))?.details).toMatchObject({ error: { name: 'CycleNotFound' } });
  });
});
