/**
 * Opening a year that has no cycle yet (`POST /v1/cycles`), prefilled from the latest earlier
 * cycle shifted by a year, and refreshing an open cycle's frozen registry from the live one.
 */
import { useState } from 'preact/hooks';
import { api, idempotencyKey, type Schemas } from '../../api/client';
import { ProblemBox } from '../../components/problem-box';
import { unitTypeNames } from '../../lib/format';
import { deadlineNames } from '../../lib/phase';
import type { Problem } from '../../lib/problems';
import { must } from '../../lib/use-load';
import { loadCycle, type Cycle } from './cycle-api';

const unitTypes = ['province', 'department', 'district', 'commune'] as const;
const deadlineKeys = ['selfAssessment', 'appraisal', 'explanation', 'survey', 'finalAppraisal', 'publication'] as const;
type UnitType = (typeof unitTypes)[number];
type Deadlines = Cycle['deadlines'];

/** The nearest earlier cycle within a few years (there is no list of cycles to ask). */
export async function loadPrevious(year: number): Promise<Cycle | undefined> {
  for (let y = year - 1; y >= year - 5; y--) {
    const found = await loadCycle(y).catch(() => undefined);
    if (found) return found;
  }
  return undefined;
}

// Vietnam is +07:00 all year, so the wall date and time read straight from the offset form.
const vnParts = (iso: string) => {
  const local = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
};
const shiftYear = (date: string, by: number) => `${Number(date.slice(0, 4)) + by}${date.slice(4)}`;

function initial(year: number, previous: Cycle | undefined) {
  const by = previous ? year - previous.year : 0;
  const dates: Record<string, string> = {};
  const times: Record<string, string> = {};
  for (const k of deadlineKeys) {
    const p = previous ? vnParts(previous.deadlines[k]) : { date: '', time: '17:00' };
    dates[k] = p.date ? shiftYear(p.date, by) : '';
    times[k] = p.time;
  }
  return { frameworks: { ...(previous?.frameworks ?? {}) }, surveys: { ...(previous?.surveys ?? {}) }, dates, times };
}

const clean = (r: Partial<Record<UnitType, string>>) =>
  Object.fromEntries(
    Object.entries(r)
      .filter(([, v]) => v && v.trim() !== '')
      .map(([k, v]) => [k, v!.trim()]),
  );

function IdFields(props: {
  label: string;
  kind: string;
  values: Partial<Record<UnitType, string>>;
  options: Partial<Record<UnitType, string>>;
  onInput: (t: UnitType, v: string) => void;
}) {
  const choices = [...new Set(Object.values(props.options))];
  return (
    <fieldset class="fields">
      <legend>{props.label}</legend>
      <datalist id={`${props.kind}-ids`}>
        {choices.map((id) => (
          <option key={id} value={id} />
        ))}
      </datalist>
      {unitTypes.map((t) => (
        <label class="field" key={t}>
          {unitTypeNames[t]}
          <input list={`${props.kind}-ids`} value={props.values[t] ?? ''} onInput={(e) => props.onInput(t, e.currentTarget.value)} />
        </label>
      ))}
    </fieldset>
  );
}

export function OpenCycleForm({ year, previous, onOpened }: { year: number; previous?: Cycle; onOpened: (c: Cycle) => void }) {
  const [form, setForm] = useState(() => initial(year, previous));
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setProblem(undefined);
    setBusy(true);
    const surveys = clean(form.surveys);
    const deadlines = Object.fromEntries(deadlineKeys.map((k) => [k, `${form.dates[k]}T${form.times[k]}:00+07:00`])) as Deadlines;
    try {
      const opened = await must(
        api().POST('/v1/cycles', {
          headers: { 'Idempotency-Key': idempotencyKey() },
          body: { year, frameworks: clean(form.frameworks), ...(Object.keys(surveys).length ? { surveys } : {}), deadlines },
        }),
      );
      onOpened(opened);
    } catch (error) {
      setProblem(error as Problem);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel" aria-labelledby="open-h">
      <h2 id="open-h">Mở kỳ đánh giá {year}</h2>
      <p class="muted">
        {previous
          ? `Điền sẵn theo kỳ ${previous.year}, các hạn lùi thêm ${year - previous.year} năm; kiểm tra lại trước khi mở.`
          : 'Chưa có kỳ trước để điền sẵn: nhập mã bộ tiêu chí và các hạn.'}
      </p>
      <form onSubmit={(e) => void submit(e)}>
        <IdFields
          label="Bộ tiêu chí theo loại đơn vị"
          kind="framework"
          values={form.frameworks}
          options={previous?.frameworks ?? {}}
          onInput={(t, v) => setForm({ ...form, frameworks: { ...form.frameworks, [t]: v } })}
        />
        <IdFields
          label="Phiếu khảo sát theo loại đơn vị"
          kind="survey"
          values={form.surveys}
          options={previous?.surveys ?? {}}
          onInput={(t, v) => setForm({ ...form, surveys: { ...form.surveys, [t]: v } })}
        />
        <fieldset class="fields">
          <legend>Các hạn của kỳ (giờ Việt Nam, {form.times.selfAssessment} trong ngày)</legend>
          {deadlineKeys.map((k) => (
            <label class="field" key={k}>
              {deadlineNames[k]}
              <input
                type="date"
                required
                value={form.dates[k]}
                onInput={(e) => setForm({ ...form, dates: { ...form.dates, [k]: e.currentTarget.value } })}
              />
            </label>
          ))}
        </fieldset>
        <p>
          <button type="submit" class="primary" disabled={busy}>
            Mở kỳ đánh giá
          </button>
        </p>
      </form>
      {problem ? <ProblemBox problem={problem} /> : null}
    </section>
  );
}

type Refresh = Schemas['RegistryRefresh'];
type CycleUnit = Refresh['added'][number];

const unitLine = (u: CycleUnit) => `${u.name} (${u.id})`;

function RefreshDiff({ diff }: { diff: Refresh }) {
  const groups: [string, string[]][] = [
    ['Thêm vào kỳ', diff.added.map(unitLine)],
    ['Bỏ khỏi kỳ', diff.removed.map(unitLine)],
    ['Thay đổi', diff.changed.map((c) => `${unitLine(c.after)}${c.before.name !== c.after.name ? ` (trước: ${c.before.name})` : ''}`)],
  ];
  if (groups.every(([, items]) => items.length === 0))
    return <p role="status">Danh mục của kỳ đã khớp danh mục hiện hành: không có thay đổi.</p>;
  return (
    <div role="status">
      {groups.map(([title, items]) =>
        items.length ? (
          <div key={title}>
            <h3>
              {title}: {items.length}
            </h3>
            <ul>
              {items.map((i) => (
                <li key={i}>{i}</li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
    </div>
  );
}

export function RegistryRefresh({ cycle, onChange }: { cycle: Cycle; onChange: (c: Cycle) => void }) {
  const [reason, setReason] = useState('');
  const [diff, setDiff] = useState<Refresh | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  if (cycle.phase !== 'open') return null;
  const run = async () => {
    setProblem(undefined);
    setDiff(undefined);
    try {
      const answer = await must(
        api().POST('/v1/cycles/{year}/registry/refresh', {
          params: { path: { year: cycle.year } },
          headers: { 'Idempotency-Key': idempotencyKey() },
          body: { expectedVersion: cycle.version, reason: reason.trim() || undefined },
        }),
      );
      setDiff(answer);
      onChange(answer.cycle);
    } catch (error) {
      setProblem(error as Problem);
    }
  };
  return (
    <section class="panel" aria-labelledby="registry-h">
      <h2 id="registry-h">Danh mục đơn vị của kỳ</h2>
      <p class="muted">Lấy lại danh mục đơn vị hiện hành cho kỳ đang mở (ghi nhật ký).</p>
      <label class="field">
        Lý do cập nhật danh mục
        <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <p>
        <button type="button" class="primary" onClick={() => void run()}>
          Cập nhật danh mục đơn vị
        </button>
      </p>
      {diff ? <RefreshDiff diff={diff} /> : null}
      {problem ? <ProblemBox problem={problem} /> : null}
    </section>
  );
}
