/**
 * Deadlines as they apply to one unit (the cycle's, or the unit's own extension) and the moments
 * before a deadline at which a reminder is due. Pure: the caller passes the time.
 */
import type { Cycle } from '../schemas/domain/cycles.ts';

/** The deadlines a unit may be granted more time for (its own writes). */
export type UnitDeadlineName = 'selfAssessment' | 'explanation';

/**
 * The deadline that applies to `unitId`: its extension when the admin granted one, else the
 * cycle's. An extension never shortens the cycle's deadline (the later of the two applies).
 */
export function unitDeadline(cycle: Pick<Cycle, 'deadlines' | 'extensions'>, unitId: string, which: UnitDeadlineName): string {
  const general = cycle.deadlines[which];
  const own = Object.hasOwn(cycle.extensions ?? {}, unitId) ? cycle.extensions![unitId]![which] : undefined;
  return own && Date.parse(own) > Date.parse(general) ? own : general;
}

/** The latest deadline of `which` over the cycle and every extension. */
export function latestUnitDeadline(cycle: Pick<Cycle, 'deadlines' | 'extensions'>, which: UnitDeadlineName): string {
  return Object.keys(cycle.extensions ?? {}).reduce((latest, unitId) => {
    const own = unitDeadline(cycle, unitId, which);
    return Date.parse(own) > Date.parse(latest) ? own : latest;
  }, cycle.deadlines[which]);
}

/** A reminder moment: whole days before the deadline, or 07:00 Vietnam time on the deadline's day. */
export type ReminderOffset = { days: number } | { morningOf: true };

export const defaultReminderOffsets: readonly ReminderOffset[] = [{ days: 7 }, { days: 2 }, { morningOf: true }];

/** `7d,2d,morning` (the REMINDER_OFFSETS setting) → offsets; undefined for a malformed list. */
export function parseReminderOffsets(text: string): ReminderOffset[] | undefined {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const offsets = parts.map((p): ReminderOffset | undefined => {
    if (p === 'morning') return { morningOf: true };
    const m = /^([1-9][0-9]?)d$/.exec(p);
    return m ? { days: Number(m[1]) } : undefined;
  });
  return offsets.length > 0 && offsets.every(Boolean) ? (offsets as ReminderOffset[]) : undefined;
}

export const offsetLabel = (offset: ReminderOffset) => ('days' in offset ? `${offset.days}d` : 'morning');

const vietnamOffsetMs = 7 * 3_600_000;
const dayMs = 86_400_000;

/** When the reminder of `offset` is due for `deadline` (ms since the epoch). */
export function reminderTime(deadline: string, offset: ReminderOffset): number {
  const at = Date.parse(deadline);
  if ('days' in offset) return at - offset.days * dayMs;
  // Vietnam has no daylight saving: its local midnight is 17:00 UTC the day before.
  const localMidnight = Math.floor((at + vietnamOffsetMs) / dayMs) * dayMs - vietnamOffsetMs;
  return localMidnight + 7 * 3_600_000;
}

export interface ReminderSlot {
  label: string;
  at: number;
}

/** The reminder moments of a deadline that lie before it, earliest first. */
export function reminderSlots(deadline: string, offsets: readonly ReminderOffset[]): ReminderSlot[] {
  const end = Date.parse(deadline);
  return offsets
    .map((o) => ({ label: offsetLabel(o), at: reminderTime(deadline, o) }))
    .filter((s) => s.at < end)
    .sort((a, b) => a.at - b.at);
}

/**
 * The reminder due at `now`: the latest slot that has come while the deadline has not passed.
 * Earlier slots missed meanwhile are not sent late (one message, the current one).
 */
export function dueSlot(deadline: string, offsets: readonly ReminderOffset[], now: number): ReminderSlot | undefined {
  if (now >= Date.parse(deadline)) return undefined;
  return reminderSlots(deadline, offsets)
    .filter((s) => s.at <= now)
    .at(-1);
}

/** The next reminder moment after `now`, if one lies before the deadline. */
export function nextSlotAfter(deadline: string, offsets: readonly ReminderOffset[], now: number): number | undefined {
  return reminderSlots(deadline, offsets).find((s) => s.at > now)?.at;
}
