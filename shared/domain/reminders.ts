/**
 * Reminders before a deadline (pure): who still has work, what is missing, and the Vietnamese
 * message they receive. Sending and recording live in shared/app/pipeline/reminders.ts.
 */
import { viDateTime } from './vietnamese-format.ts';

/** What a reminder is about: a unit's own deadline, or the appraisers' final appraisal deadline. */
export type ReminderKind = 'selfAssessment' | 'explanation' | 'finalAppraisal';

/** Who a reminder goes to: a unit's users, or the appraisers of a district (or of the province). */
export type ReminderAudience = { role: 'unit'; unitId: string } | { role: 'appraiser'; district?: string };

export interface PendingWork {
  kind: ReminderKind;
  /** The id of the reminder's subject (unit id, or `appraisers-<district|province>`): one reminder per slot each. */
  subject: string;
  /** Its name as the recipients know it. */
  name: string;
  /** The unit's type (a unit's own reminders). */
  unitType?: string;
  audience: ReminderAudience;
  deadline: string;
  /** The assessment state (units) or the units still to appraise (appraisers). */
  state?: string;
  units?: { unitId: string; name: string; state: string }[];
}

export interface ReminderMessage {
  subject: string;
  text: string;
}

/** "23:59 15/12/2033" in Vietnam time. */
export const vietnameseDateTime = (iso: string): string => viDateTime(iso);

const stateNames: Record<string, string> = {
  none: 'chưa bắt đầu',
  draft: 'đang soạn, chưa nộp',
  submitted: 'đã nộp, chờ thẩm định',
  returned: 'bị trả lại, chờ giải trình',
  explained: 'đã giải trình, chờ thẩm định lại',
  appraised: 'đã thẩm định',
};
export const stateName = (state: string) => stateNames[state] ?? state;

/** "còn 7 ngày", "còn 2 ngày", "hôm nay là hạn cuối". */
export function timeLeft(deadline: string, now: number): string {
  const days = Math.floor((Date.parse(deadline) - now) / 86_400_000);
  return days >= 1 ? `còn ${days} ngày` : 'hôm nay là hạn cuối';
}

const kindTitles: Record<ReminderKind, string> = {
  selfAssessment: 'nộp bản tự đánh giá',
  explanation: 'giải trình kết quả thẩm định',
  finalAppraisal: 'hoàn thành thẩm định',
};

export interface ReminderDetails {
  year: number;
  now: number;
  link: string;
  /** Applicable self-scored criteria without a self score (self-assessment reminders). */
  missingScores?: { missing: number; total: number };
}

function missingLines(work: PendingWork, details: ReminderDetails): string[] {
  if (work.kind === 'finalAppraisal') {
    const units = work.units ?? [];
    return [
      `Còn ${units.length} đơn vị chưa được thẩm định xong:`,
      ...units.map((u) => `  - ${u.name} (${u.unitId}): ${stateName(u.state)}`),
    ];
  }
  const lines = [`Trạng thái hiện tại: ${stateName(work.state ?? 'none')}.`];
  if (work.kind === 'selfAssessment') {
    const m = details.missingScores;
    if (m && m.missing > 0) lines.push(`Còn thiếu: ${m.missing}/${m.total} tiêu chí chưa tự chấm điểm.`);
    else if (m) lines.push('Các tiêu chí đã được tự chấm điểm; đơn vị cần bấm "Nộp" để hoàn tất.');
  } else {
    lines.push('Đơn vị cần giải trình các tiêu chí cơ quan thẩm định đã trả lại và gửi giải trình.');
  }
  return lines;
}

export function reminderMessage(work: PendingWork, details: ReminderDetails): ReminderMessage {
  const title = kindTitles[work.kind];
  const when = vietnameseDateTime(work.deadline);
  return {
    subject: `[Chỉ số CCHC ${details.year}] Nhắc hạn ${title}: ${timeLeft(work.deadline, details.now)} (hạn ${when})`,
    text: [
      `Kính gửi: ${work.name},`,
      '',
      `Hạn ${title} Chỉ số cải cách hành chính năm ${details.year} là ${when} (giờ Việt Nam), ${timeLeft(work.deadline, details.now)}.`,
      ...missingLines(work, details),
      '',
      `Vui lòng thực hiện tại: ${details.link}`,
      '',
      'Đây là thư tự động của hệ thống Chỉ số CCHC; vui lòng không trả lời thư này.',
      '',
    ].join('\n'),
  };
}
