/** The cycle's phases and their authors in Vietnamese, for the administrator's screens. */
import type { CyclePhase, PhaseActor } from '../../../shared/domain/cycle-phase.ts';

export const phaseNames: Record<CyclePhase, string> = {
  open: 'Tự đánh giá',
  appraisal: 'Thẩm định',
  computation: 'Tính kết quả',
  approved: 'Đã phê duyệt',
  published: 'Đã công bố',
};

export const actorNames: Record<PhaseActor, string> = {
  pipeline: 'quy trình tự động',
  admin: 'quản trị',
  computation: 'tính kết quả',
  approval: 'Hội đồng phê duyệt',
  publication: 'công bố',
};

export const deadlineNames: Record<string, string> = {
  selfAssessment: 'Hạn nộp tự đánh giá',
  appraisal: 'Hạn thẩm định vòng 1',
  explanation: 'Hạn giải trình',
  survey: 'Hạn khảo sát',
  finalAppraisal: 'Hạn thẩm định cuối',
  publication: 'Hạn công bố',
};

// Vietnam keeps +07:00 all year (no daylight saving): a datetime-local value is that wall time.
const offsetMs = 7 * 3_600_000;

/** ISO instant → the value of an <input type="datetime-local"> in Vietnam time. */
export const toLocalInput = (iso: string | undefined) => (iso ? new Date(Date.parse(iso) + offsetMs).toISOString().slice(0, 16) : '');

/** An <input type="datetime-local"> value (Vietnam time) → ISO 8601 with +07:00, or undefined when empty. */
export const fromLocalInput = (value: string) => (value ? `${value.length === 16 ? `${value}:00` : value}+07:00` : undefined);
