import type { AssessmentItem } from '../api/client';
import { fmtNumber } from '../lib/format';
import { formOf, type SelfForm } from '../lib/self-form';

/** A 409 on save: the clerk's version next to the stored one, and a choice. */
export function Conflict(props: { mine: SelfForm; theirs: AssessmentItem | null; onKeepMine: () => void; onTakeTheirs: () => void }) {
  const theirs = props.theirs ? formOf(props.theirs) : undefined;
  const row = (f: SelfForm | undefined) =>
    f ? (
      <dl>
        <dt>Điểm</dt>
        <dd>{fmtNumber(f.selfScore)}</dd>
        <dt>Số liệu</dt>
        <dd>{f.figure || '—'}</dd>
        <dt>Ghi chú</dt>
        <dd>{f.note || '—'}</dd>
        <dt>Tài liệu</dt>
        <dd>{f.evidence.length}</dd>
      </dl>
    ) : (
      <p>(chưa có)</p>
    );
  return (
    <div class="conflict" role="alert">
      <p>
        <strong>Người khác vừa lưu tiêu chí này.</strong> So sánh hai bản và chọn bản muốn giữ.
      </p>
      <div class="two">
        <div>
          <h3>Bản của bạn</h3>
          {row(props.mine)}
          <button type="button" class="primary" onClick={props.onKeepMine}>
            Giữ bản của tôi
          </button>
        </div>
        <div>
          <h3>Bản đã lưu</h3>
          {row(theirs)}
          <button type="button" onClick={props.onTakeTheirs}>
            Dùng bản đã lưu
          </button>
        </div>
      </div>
    </div>
  );
}
