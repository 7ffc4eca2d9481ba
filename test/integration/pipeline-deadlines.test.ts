/**
 * Deadlines that move and the reminders before them, on the local runner: the admin extends the
 * self-assessment deadline while the machine waits for it, and grants one unit more time; the
 * machine notices both, closes submission at the new deadline, and reminds each unit that still
 * has work once per reminder moment of its own deadline (one readable outbox file per message).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planDeadline, type DeadlinePlan } from '../../shared/app/pipeline/reminders.ts';
import { runPipeline } from '../../infra/local/pipeline-runner.ts';
import { getCycle } from '../../shared/store/cycles-store.ts';
import { getStep } from '../../shared/store/pipeline-store.ts';
import { loadAssessment } from '../../shared/store/assessment-store.ts';
import { listReminders } from '../../shared/store/reminders-store.ts';
import { api, tokens } from '../support/api.ts';
import { cycleDeadlines, pdfBytes, sha256 } from '../support/assessment-helpers.ts';

const year = 2037;
const deadlines = cycleDeadlines(year);
const extended = `${year}-12-18T23:59:59+07:00`;
const ownDeadline = `${year}-12-23T23:59:59+07:00`;
const granted = 'H-BATRI';
const outbox = () => process.env.OUTBOX_DIR!;
const outboxFiles = () => readdirSync(outbox()).filter((f) => readFileSync(join(outbox(), f), 'utf8').includes(`năm ${year}`));
let districts: { id: string }[] = [];

beforeAll(async () => {
  const admin = await tokens.admin();
  const opened = await api('POST', '/v1/cycles', { token: admin, body: { year, frameworks: { district: 'district-2024' }, deadlines } });
  expect(opened.status).toBe(201);
  districts = (await api('GET', '/v1/units?type=district', { token: admin })).body.units;
});

describe('deadline waits on the local runner', () => {
  it('closes submission at a deadline extended during the wait, and reminds each unit once per moment of its own deadline', async () => {
    const admin = await tokens.admin();
    const plans: DeadlinePlan[] = [];
    const result = await runPipeline({
      year,
      afterTask: {
        RemindBeforeSelfAssessmentDeadline: async (output) => {
          plans.push(output as DeadlinePlan);
          if (plans.length !== 1) return;
          // While the machine waits: the deadline moves three days, one district gets five more.
          const current = await api('GET', `/v1/cycles/${year}`, { token: admin });
          const patched = await api('PATCH', `/v1/cycles/${year}`, {
            token: admin,
            body: {
              expectedVersion: current.body.version,
              deadlines: { selfAssessment: extended },
              extensions: { [granted]: { selfAssessment: ownDeadline } },
              reason: 'gia hạn',
            },
          });
          expect(patched.status).toBe(200);
        },
      },
      // The test ends once submission closed and the appraisal wait is over.
      handlers: {
        AggregateSurveys: async () => {
          throw Object.assign(new Error('the test stops here'), { name: 'CycleNotFound' });
        },
      },
    });
    expect(result.error?.message).toBe('the test stops here');
    expect(plans[0]!.wakeAt).toBe(new Date(Date.parse(deadlines.selfAssessment) - 7 * 86_400_000).toISOString().replace('.000', ''));
    const last = plans.at(-1)!;
    expect(last).toMatchObject({ passed: true, closesAt: new Date(extended).toISOString().replace('.000', '') });
    // It woke at the old deadline's first reminder moment, saw the move, and waited again.
    expect(plans.filter((p) => p.passed)).toHaveLength(1);
    expect(plans.map((p) => p.wakeAt)).not.toContain(new Date(deadlines.selfAssessment).toISOString().replace('.000', ''));
    expect((await getCycle(year))?.phase).toBe('appraisal');
    const closed = await getStep(year, 'close-submission');
    expect(closed?.details).toMatchObject({ units: 9 });

    const reminders = await listReminders(year);
    for (const d of districts) {
      const own = reminders.filter((r) => r.subject === d.id);
      expect(own.map((r) => r.slot).sort(), d.id).toEqual(['2d', '7d', 'morning']);
      expect(new Set(own.map((r) => r.deadline)), d.id).toEqual(new Set([d.id === granted ? ownDeadline : extended]));
      expect(own.every((r) => r.status === 'sent' && r.recipients.length === 1)).toBe(true);
    }
    const files = outboxFiles();
    expect(files).toHaveLength(reminders.length);
    const mail = readFileSync(
      join(
        outbox(),
        files.find((f) => f.includes(`${granted}-morning`))!,
      ),
      'utf8',
    );
    expect(mail).toContain(`To: cchc.${granted.toLowerCase().replace('-', '.')}@donvi.local`);
    expect(mail).toContain('Subject: [Chỉ số CCHC 2037] Nhắc hạn nộp bản tự đánh giá: hôm nay là hạn cuối (hạn 23:59 23/12/2037)');
    expect(mail).toContain('Còn thiếu: ');
    expect(mail).toContain(`/cycles/${year}/units/${granted}/assessment`);
  }, 120_000);

  it('never sends the same reminder twice: planning the same moment again sends nothing', async () => {
    const before = (await listReminders(year)).length;
    const files = outboxFiles().length;
    const at = new Date(Date.parse(ownDeadline) - 3600_000).toISOString();
    const again = await planDeadline({ year, stage: 'appraisal', wakeAt: at });
    const twice = await planDeadline({ year, stage: 'appraisal', wakeAt: at });
    expect(again.reminders).toEqual({ sent: 0, due: 1 });
    expect(twice.reminders).toEqual({ sent: 0, due: 1 });
    expect((await listReminders(year)).length).toBe(before);
    expect(outboxFiles()).toHaveLength(files);
  });
});

describe('a per-unit extension in the write window', () => {
  it('lets the extended unit write after the cycle deadline and refuses the others, writing nothing for them', async () => {
    const past = 2038;
    const admin = await tokens.admin();
    const old = (d: string) => d.replace(String(past), '2025').replace(String(past + 1), '2026');
    const closed = Object.fromEntries(Object.entries(cycleDeadlines(past)).map(([k, v]) => [k, old(v)]));
    expect(
      (
        await api('POST', '/v1/cycles', {
          token: admin,
          body: { year: past, frameworks: { district: 'district-2024' }, deadlines: closed },
        })
      ).status,
    ).toBe(201);
    const pastCycle = await api('GET', `/v1/cycles/${past}`, { token: admin });
    const patched = await api('PATCH', `/v1/cycles/${past}`, {
      token: admin,
      body: { expectedVersion: pastCycle.body.version, extensions: { [granted]: { selfAssessment: `${past}-12-31T23:59:59+07:00` } } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.extensions).toEqual({ [granted]: { selfAssessment: `${past}-12-31T23:59:59+07:00` } });
    const file = pdfBytes('extension');
    const evidence = { fileName: 'bao-cao.pdf', contentType: 'application/pdf', size: file.length, sha256: sha256(file) };
    const extendedUnit = await api('POST', `/v1/cycles/${past}/units/${granted}/evidence`, {
      token: await tokens.unit(granted),
      body: evidence,
    });
    expect(extendedUnit.status).toBe(201);
    const other = await api('POST', `/v1/cycles/${past}/units/H-CHOLACH/evidence`, {
      token: await tokens.unit('H-CHOLACH'),
      body: evidence,
    });
    expect(other.status).toBe(409);
    expect(other.body.detail).toContain('deadline');
    expect((await loadAssessment(past, 'H-CHOLACH')).evidence.size).toBe(0);
    expect((await loadAssessment(past, granted)).evidence.size).toBe(1);
    const view = await api('GET', `/v1/cycles/${past}/units/${granted}/assessment`, { token: await tokens.unit(granted) });
    expect(view.body.deadline).toBe(`${past}-12-31T23:59:59+07:00`);
  });

  it('refuses an extension keyed by something that is no unit id, and writes nothing', async () => {
    const admin = await tokens.admin();
    const before = await getCycle(2038);
    const refused = await api('PATCH', '/v1/cycles/2038', {
      token: admin,
      rawBody: '{"extensions": {"../SNV": {"selfAssessment": "2038-12-31T23:59:59+07:00"}}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('extensions');
    expect(await getCycle(2038)).toEqual(before);
  });
});
