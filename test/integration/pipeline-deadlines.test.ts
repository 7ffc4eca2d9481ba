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
import { listReminders } from '../../shared/store/reminders-store.ts';
import { api, tokens } from '../support/api.ts';
import { cycleDeadlines } from '../support/assessment-helpers.ts';

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
          const patched = await api('PATCH', `/v1/cycles/${year}`, {
            token: admin,
            body: {
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
