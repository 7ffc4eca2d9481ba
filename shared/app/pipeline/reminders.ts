/**
 * The pipeline's wait for a deadline, one step at a time: reload the cycle (an admin may have moved
 * the deadline or granted a unit more time), send the reminders that have come due to whoever
 * still has work, and say when to wake next (the next reminder, or the deadline) or that the
 * deadline has passed. The state machine loops Wait → this until it has.
 *
 * "Now" is the later of the clock and the moment the machine waited until (`wakeAt`): the same in
 * the cloud, and it lets the local runner shorten the waits yet see the time they stand for.
 */
import { locallyAppraised } from '../../domain/province.ts';
import { applicableLeaves } from '../../domain/framework.ts';
import {
  defaultReminderOffsets,
  dueSlot,
  nextSlotAfter,
  parseReminderOffsets,
  unitDeadline,
  type ReminderOffset,
} from '../../domain/deadlines.ts';
import { pipelineDeadlines, PipelineError, stepFunctionsTimestamp } from '../../domain/pipeline.ts';
import { reminderMessage, type PendingWork } from '../../domain/reminders.ts';
import { logger } from '../../observability.ts';
import { metrics } from '../../metrics.ts';
import type { Cycle } from '../../schemas/domain/cycles.ts';
import type { UnitType } from '../../schemas/files/framework.ts';
import type { Unit } from '../../schemas/domain/units.ts';
import { listAssessments, loadAssessment } from '../../store/assessment-store.ts';
import { contactsOf, listContacts, type Contact } from '../../store/contacts.ts';
import { getCycle } from '../../store/cycles-store.ts';
import { mailConfigured, sendMail } from '../../store/mailer.ts';
import { claimReminder, markSent, releaseReminder, type ReminderRecord } from '../../store/reminders-store.ts';
import { listUnits } from '../../store/units-store.ts';
import { frameworkOf } from '../assessment/assessment-context.ts';

/** The deadline each wait of the machine ends at. */
export const stageDeadlines = { submission: 'selfAssessment', appraisal: 'finalAppraisal' } as const;
export type Stage = keyof typeof stageDeadlines;

export function reminderOffsets(): readonly ReminderOffset[] {
  const text = process.env.REMINDER_OFFSETS;
  if (!text) return defaultReminderOffsets;
  const parsed = parseReminderOffsets(text);
  if (!parsed) throw new Error(`REMINDER_OFFSETS "${text}": expected a list such as 7d,2d,morning`);
  return parsed;
}

const consoleUrl = () => (process.env.CONSOLE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');

export interface Progress {
  units: number;
  submitted: number;
  appraised: number;
}

interface Work {
  pending: PendingWork[];
  progress: Progress;
}

const submittedStates = new Set(['submitted', 'returned', 'explained', 'appraised']);

/** Who still has work in the cycle, with each one's own deadline; and how far the cycle is. */
export async function pendingWork(cycle: Cycle): Promise<Work> {
  const pending: PendingWork[] = [];
  const toAppraise = new Map<string, PendingWork>();
  const progress: Progress = { units: 0, submitted: 0, appraised: 0 };
  const districts = new Map((await listUnits({ type: 'district' })).map((u) => [u.id, u]));
  for (const unitType of (Object.keys(cycle.frameworks) as UnitType[]).filter(locallyAppraised)) {
    const [units, assessments] = await Promise.all([listUnits({ type: unitType }), listAssessments(cycle.year, unitType)]);
    const states = new Map(assessments.map((a) => [a.unitId, a.state as string]));
    for (const unit of units) {
      const state = states.get(unit.id) ?? 'none';
      progress.units++;
      if (submittedStates.has(state)) progress.submitted++;
      if (state === 'appraised') progress.appraised++;
      const own = { subject: unit.id, name: unit.name, unitType, audience: { role: 'unit', unitId: unit.id }, state } as const;
      if (state === 'none' || state === 'draft')
        pending.push({ ...own, kind: 'selfAssessment', deadline: unitDeadline(cycle, unit.id, 'selfAssessment') });
      if (state === 'returned') pending.push({ ...own, kind: 'explanation', deadline: unitDeadline(cycle, unit.id, 'explanation') });
      if (state === 'submitted' || state === 'explained') addToAppraise(toAppraise, cycle, unit, districts.get(unit.parentId ?? ''), state);
    }
  }
  return { pending: [...pending, ...toAppraise.values()], progress };
}

/** Communes under a district are its appraisers' work; everything else the province's. */
function addToAppraise(groups: Map<string, PendingWork>, cycle: Cycle, unit: Unit, district: Unit | undefined, state: string) {
  const key = unit.type === 'commune' && district ? district.id : 'province';
  let group = groups.get(key);
  if (!group) {
    group = {
      kind: 'finalAppraisal',
      subject: `appraisers-${key}`,
      name: district ? `Tổ thẩm định ${district.name}` : 'Hội đồng/Tổ thẩm định cấp tỉnh',
      audience: district ? { role: 'appraiser', district: district.id } : { role: 'appraiser' },
      deadline: cycle.deadlines.finalAppraisal,
      units: [],
    };
    groups.set(key, group);
  }
  group.units!.push({ unitId: unit.id, name: unit.name, state });
}

async function missingScores(cycle: Cycle, work: PendingWork) {
  if (work.kind !== 'selfAssessment' || work.audience.role !== 'unit') return undefined;
  const unitId = work.audience.unitId;
  const type = work.unitType as UnitType | undefined;
  const framework = type && cycle.frameworks[type] ? await frameworkOf(cycle.frameworks[type]!) : undefined;
  if (!framework) return undefined;
  const leaves = applicableLeaves(framework, cycle.notApplicable[unitId] ?? []).filter(({ leaf }) => leaf.method === 'self');
  const loaded = await loadAssessment(cycle.year, unitId);
  const missing = leaves.filter(({ leaf }) => loaded.items.get(leaf.code)?.selfScore === undefined).length;
  return { missing, total: leaves.length };
}

function linkOf(year: number, work: PendingWork): string {
  if (work.audience.role === 'unit') return `${consoleUrl()}/cycles/${year}/units/${work.audience.unitId}/assessment`;
  return `${consoleUrl()}/cycles/${year}/appraisals`;
}

/** Sends one reminder unless it was sent before; answers whether a message left. */
async function remind(cycle: Cycle, work: PendingWork, slot: string, now: number, contacts: Contact[], execution?: string) {
  const to = contactsOf(contacts, work.audience).map((c) => c.email);
  const missing = await missingScores(cycle, work);
  const message = reminderMessage(work, { year: cycle.year, now, link: linkOf(cycle.year, work), missingScores: missing });
  const record: ReminderRecord = {
    year: cycle.year,
    kind: work.kind,
    subject: work.subject,
    deadline: work.deadline,
    slot,
    recipients: to,
    messageSubject: message.subject,
    missing: message.text.split('\n').filter((l) => l.startsWith('Còn') || l.startsWith('  - ') || l.startsWith('Trạng thái')),
    status: to.length === 0 ? 'no-recipient' : mailConfigured() ? 'sending' : 'no-sender',
    at: new Date(now).toISOString(),
    execution,
  };
  if (!(await claimReminder(record))) return false;
  if (record.status !== 'sending') {
    logger.warn('reminder recorded, not sent', { year: cycle.year, subject: work.subject, status: record.status });
    return false;
  }
  try {
    const id = await sendMail({ to, subject: message.subject, text: message.text }, `${work.kind}-${work.subject}-${slot}`);
    await markSent(record, [id]);
    return true;
  } catch (error) {
    await releaseReminder(record);
    throw error;
  }
}

export interface DeadlinePlan {
  year: number;
  phase: Cycle['phase'];
  deadlines: ReturnType<typeof pipelineDeadlines>;
  stage: Stage;
  /** The stage's deadline (the cycle's; units with an extension keep their own in the write window). */
  closesAt: string;
  passed: boolean;
  /** When the machine waits until next (null once passed). */
  wakeAt: string | null;
  reminders: { sent: number; due: number };
  progress: Progress;
}

export async function planDeadline(input: {
  year: number;
  stage: Stage;
  wakeAt?: string | null;
  execution?: string;
}): Promise<DeadlinePlan> {
  const cycle = await getCycle(input.year);
  if (!cycle) throw new PipelineError('CycleNotFound', `cycle ${input.year} does not exist`);
  const now = Math.max(Date.now(), input.wakeAt ? Date.parse(input.wakeAt) : 0);
  const closesAt = cycle.deadlines[stageDeadlines[input.stage]];
  const passed = Date.parse(closesAt) <= now;
  const offsets = reminderOffsets();
  const { pending, progress } = await pendingWork(cycle);
  const due = pending.flatMap((work) => {
    const slot = dueSlot(work.deadline, offsets, now);
    return slot ? [{ work, slot: slot.label }] : [];
  });
  let sent = 0;
  if (due.length > 0) {
    const contacts = await listContacts();
    for (const { work, slot } of due) if (await remind(cycle, work, slot, now, contacts, input.execution)) sent++;
  }
  const nextReminder = Math.min(...pending.map((w) => nextSlotAfter(w.deadline, offsets, now) ?? Infinity));
  // Whole seconds (Step Functions timestamps have none finer), rounded up so the wake is never early.
  const wake = Math.ceil(Math.min(Date.parse(closesAt), nextReminder) / 1000) * 1000;
  emitProgress(progress);
  logger.info('deadline planned', { year: cycle.year, stage: input.stage, closesAt, passed, sent, due: due.length });
  return {
    year: cycle.year,
    phase: cycle.phase,
    deadlines: pipelineDeadlines(cycle),
    stage: input.stage,
    closesAt: stepFunctionsTimestamp(closesAt),
    passed,
    wakeAt: passed ? null : stepFunctionsTimestamp(new Date(wake).toISOString()),
    reminders: { sent, due: due.length },
    progress,
  };
}

/** The cycle's progress on the dashboard (Powertools metrics; disabled locally). */
export function emitProgress(progress: Progress, published?: number): void {
  metrics.addMetric('UnitsTotal', 'Count', progress.units);
  metrics.addMetric('UnitsSubmitted', 'Count', progress.submitted);
  metrics.addMetric('UnitsAppraised', 'Count', progress.appraised);
  if (published !== undefined) metrics.addMetric('UnitsPublished', 'Count', published);
  metrics.publishStoredMetrics();
}
