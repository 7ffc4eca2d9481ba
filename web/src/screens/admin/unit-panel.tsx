/** One unit in the cycle: its own deadlines (extension), its exempted leaves, and the audit of both. */
import { useState } from 'preact/hooks';
import type { Schemas } from '../../api/client';
import { ProblemBox } from '../../components/problem-box';
import { fmtDateTime } from '../../lib/format';
import { fromLocalInput, toLocalInput } from '../../lib/phase';
import { useLoad } from '../../lib/use-load';
import { loadUnitAudit, useCycleChange, type Cycle } from './cycle-api';

type Unit = Schemas['Unit'];
type Trail = Schemas['CycleAudit']['events'];
type Ext = { selfAssessment?: string; explanation?: string };

const extText = (e: Ext | undefined) =>
  e && (e.selfAssessment || e.explanation)
    ? [e.selfAssessment ? `nộp: ${fmtDateTime(e.selfAssessment)}` : '', e.explanation ? `giải trình: ${fmtDateTime(e.explanation)}` : '']
        .filter(Boolean)
        .join('; ')
    : 'theo hạn chung';

function AuditTrail({ events }: { events: Trail }) {
  if (events.length === 0) return <p class="muted">Chưa có thay đổi nào cho đơn vị này.</p>;
  return (
    <table class="cards">
      <caption>Lịch sử gia hạn và miễn trừ</caption>
      <thead>
        <tr>
          <th scope="col">Thời gian</th>
          <th scope="col">Thay đổi</th>
          <th scope="col">Lý do</th>
          <th scope="col">Người thực hiện</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e, i) => (
          <tr key={i}>
            <td data-label="Thời gian">
              <time dateTime={e.at}>{fmtDateTime(e.at)}</time>
            </td>
            <td data-label="Thay đổi">
              {e.unit?.extension ? (
                <div>
                  Hạn riêng: {extText(e.unit.extension.before)} → {extText(e.unit.extension.after)}
                </div>
              ) : null}
              {e.unit?.notApplicable ? (
                <div>
                  Không áp dụng: {e.unit.notApplicable.before.join(', ') || 'không'} → {e.unit.notApplicable.after.join(', ') || 'không'}
                </div>
              ) : null}
            </td>
            <td data-label="Lý do">{e.reason ?? '—'}</td>
            <td data-label="Người thực hiện">{e.actor.username}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function UnitPanel({ cycle, unit, onChange }: { cycle: Cycle; unit: Unit; onChange: (c: Cycle) => void }) {
  const { problem, message, save } = useCycleChange(onChange);
  const current: Ext = cycle.extensions?.[unit.id] ?? {};
  const [self, setSelf] = useState(toLocalInput(current.selfAssessment));
  const [explanation, setExplanation] = useState(toLocalInput(current.explanation));
  const [codes, setCodes] = useState((cycle.notApplicable[unit.id] ?? []).join(', '));
  const [reason, setReason] = useState('');
  const [trail] = useLoad(() => loadUnitAudit(cycle.year, unit.id), [cycle.year, unit.id, cycle.version]);

  const saveExtension = (e: Event) => {
    e.preventDefault();
    const next: Ext = {};
    const s = fromLocalInput(self);
    const x = fromLocalInput(explanation);
    if (s) next.selfAssessment = s;
    if (x) next.explanation = x;
    void save(cycle, { extensions: { [unit.id]: next }, reason: reason || undefined }, `Đã lưu hạn riêng của ${unit.name}.`);
  };
  const saveExemptions = (e: Event) => {
    e.preventDefault();
    const list = [...new Set(codes.split(/[\s,;]+/).filter(Boolean))];
    const { [unit.id]: _old, ...others } = cycle.notApplicable;
    const notApplicable = list.length ? { ...others, [unit.id]: list } : others;
    void save(cycle, { notApplicable, reason: reason || undefined }, `Đã lưu các tiêu chí không áp dụng cho ${unit.name}.`);
  };

  return (
    <div class="unit-panel">
      <h3>{unit.name}</h3>
      <p>
        Hạn chung: nộp {fmtDateTime(cycle.deadlines.selfAssessment)}, giải trình {fmtDateTime(cycle.deadlines.explanation)}. Hạn riêng hiện
        tại: <strong>{extText(current)}</strong>.
      </p>
      <label class="field">
        Lý do (ghi vào nhật ký)
        <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <form onSubmit={saveExtension} class="fields">
        <label class="field">
          Hạn nộp riêng của đơn vị
          <input type="datetime-local" value={self} onInput={(e) => setSelf(e.currentTarget.value)} />
        </label>
        <label class="field">
          Hạn giải trình riêng
          <input type="datetime-local" value={explanation} onInput={(e) => setExplanation(e.currentTarget.value)} />
        </label>
        <p class="field wide">
          <button type="submit" class="primary">
            Lưu gia hạn
          </button>
        </p>
      </form>
      <form onSubmit={saveExemptions}>
        <label>
          Tiêu chí không áp dụng (mã, cách nhau bởi dấu phẩy)
          <input value={codes} onInput={(e) => setCodes(e.currentTarget.value)} placeholder="ví dụ: 6.2, 7.3.1" />
        </label>
        <p>
          <button type="submit">Lưu miễn trừ</button>
        </p>
      </form>
      {message ? (
        <p class="ok" role="status">
          {message}
        </p>
      ) : null}
      {problem ? <ProblemBox problem={problem} /> : null}
      {trail.state === 'ready' ? <AuditTrail events={trail.value.events} /> : trail.state === 'loading' ? <p>Đang tải lịch sử…</p> : null}
    </div>
  );
}
