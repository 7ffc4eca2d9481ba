import { describe, expect, it } from 'vitest';
import {
  dueSlot,
  latestUnitDeadline,
  nextSlotAfter,
  parseReminderOffsets,
  reminderSlots,
  unitDeadline,
  defaultReminderOffsets,
} from '../../shared/domain/deadlines.ts';
import { reminderMessage } from '../../shared/domain/reminders.ts';
import { unitDeadlineRefusal, writeWindow } from '../../shared/domain/write-window.ts';

const deadlines = {
  selfAssessment: '2033-12-15T23:59:59+07:00',
  appraisal: '2034-01-10T23:59:59+07:00',
  explanation: '2034-01-20T23:59:59+07:00',
  survey: '2034-01-20T23:59:59+07:00',
  finalAppraisal: '2034-01-31T23:59:59+07:00',
  publication: '2034-02-28T23:59:59+07:00',
};
const cycle = {
  year: 2033,
  phase: 'open' as const,
  deadlines,
  extensions: { 'H-BATRI': { selfAssessment: '2033-12-20T23:59:59+07:00' }, 'H-EARLY': { selfAssessment: '2033-12-01T00:00:00+07:00' } },
};

describe('unitDeadline: a unit closes at its own deadline', () => {
  it('is the extension when one was granted, else the cycle deadline; never earlier than the cycle', () => {
    expect(unitDeadline(cycle, 'H-BATRI', 'selfAssessment')).toBe('2033-12-20T23:59:59+07:00');
    expect(unitDeadline(cycle, 'H-BATRI', 'explanation')).toBe(deadlines.explanation);
    expect(unitDeadline(cycle, 'H-CHOLACH', 'selfAssessment')).toBe(deadlines.selfAssessment);
    expect(unitDeadline(cycle, 'H-EARLY', 'selfAssessment')).toBe(deadlines.selfAssessment);
    // Inherited object keys are no unit ids.
    expect(unitDeadline(cycle, 'constructor', 'selfAssessment')).toBe(deadlines.selfAssessment);
    expect(latestUnitDeadline(cycle, 'selfAssessment')).toBe('2033-12-20T23:59:59+07:00');
  });

  it('decides the write window: the extended unit may still write after the cycle deadline, the others not', () => {
    const after = new Date('2033-12-17T10:00:00+07:00');
    expect(unitDeadlineRefusal(cycle, 'H-BATRI', 'draft', after)).toBeUndefined();
    expect(unitDeadlineRefusal(cycle, 'H-CHOLACH', 'draft', after)).toMatchObject({ code: 'DEADLINE_PASSED' });
    expect(writeWindow(cycle, 'H-BATRI', 'draft', ['draft'], 'self scoring', new Date('2033-12-21T00:00:00+07:00'))).toMatchObject({
      code: 'DEADLINE_PASSED',
    });
  });
});

describe('reminder moments', () => {
  const deadline = deadlines.selfAssessment;
  it('are 7 and 2 days before and 07:00 Vietnam time on the day, in order', () => {
    expect(reminderSlots(deadline, defaultReminderOffsets).map((s) => [s.label, new Date(s.at).toISOString()])).toEqual([
      ['7d', '2033-12-08T16:59:59.000Z'],
      ['2d', '2033-12-13T16:59:59.000Z'],
      ['morning', '2033-12-15T00:00:00.000Z'],
    ]);
    // A deadline before 07:00 has no morning reminder on its day.
    expect(reminderSlots('2033-12-15T06:00:00+07:00', defaultReminderOffsets).map((s) => s.label)).toEqual(['7d', '2d']);
  });

  it('the one due is the latest that has come, none once the deadline passed; the next lies ahead', () => {
    const at = (iso: string) => Date.parse(iso);
    expect(dueSlot(deadline, defaultReminderOffsets, at('2033-12-01T00:00:00Z'))).toBeUndefined();
    expect(dueSlot(deadline, defaultReminderOffsets, at('2033-12-10T00:00:00Z'))?.label).toBe('7d');
    expect(dueSlot(deadline, defaultReminderOffsets, at('2033-12-15T12:00:00+07:00'))?.label).toBe('morning');
    expect(dueSlot(deadline, defaultReminderOffsets, at('2033-12-16T00:00:00+07:00'))).toBeUndefined();
    expect(nextSlotAfter(deadline, defaultReminderOffsets, at('2033-12-10T00:00:00Z'))).toBe(at('2033-12-13T16:59:59Z'));
    expect(nextSlotAfter(deadline, defaultReminderOffsets, at('2033-12-15T12:00:00+07:00'))).toBeUndefined();
  });

  it('are configured as a list such as 7d,2d,morning', () => {
    expect(parseReminderOffsets('14d, 3d,morning')).toEqual([{ days: 14 }, { days: 3 }, { morningOf: true }]);
    expect(parseReminderOffsets('7 days')).toBeUndefined();
    expect(parseReminderOffsets('')).toBeUndefined();
  });
});

describe('the reminder message', () => {
  it('is Vietnamese, names the deadline in Vietnam time, what is missing and the console link', () => {
    const message = reminderMessage(
      {
        kind: 'selfAssessment',
        subject: 'H-BATRI',
        name: 'UBND huyện Ba Tri',
        audience: { role: 'unit', unitId: 'H-BATRI' },
        state: 'draft',
        deadline: deadlines.selfAssessment,
      },
      { year: 2033, now: Date.parse('2033-12-13T17:00:00Z'), link: 'https://cchc.example/x', missingScores: { missing: 12, total: 60 } },
    );
    expect(message.subject).toBe('[Chỉ số CCHC 2033] Nhắc hạn nộp bản tự đánh giá: còn 1 ngày (hạn 23:59 15/12/2033)');
    expect(message.text).toContain('Kính gửi: UBND huyện Ba Tri,');
    expect(message.text).toContain('Còn thiếu: 12/60 tiêu chí chưa tự chấm điểm.');
    expect(message.text).toContain('https://cchc.example/x');
  });
});
