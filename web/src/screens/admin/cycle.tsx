/**
 * The administrator's cycle (`/quan-tri/ky/{year}`): the phase as its state machine with the
 * moves allowed now, the cycle's deadlines, and per unit (`?don-vi=`) its extension, exemptions
 * and their audit trail. Every change sends the version read (optimistic locking) and is audited.
 */
import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { allowedPhases, type CyclePhase } from '../../../../shared/domain/cycle-phase.ts';
import { api } from '../../api/client';
import { PageProblem } from '../../components/page-problem';
import { PhaseDiagram } from '../../components/phase-diagram';
import { ProblemBox } from '../../components/problem-box';
import { collator, fmtDateTime, unitTypeNames } from '../../lib/format';
import { deadlineNames, fromLocalInput, phaseNames, toLocalInput } from '../../lib/phase';
import { isProblem, must, useLoad } from '../../lib/use-load';
import { AdminNav } from './nav';
import { loadCycle, useCycleChange, type Cycle } from './cycle-api';
import { loadPrevious, OpenCycleForm, RegistryRefresh } from './open-cycle';
import { UnitPanel } from './unit-panel';

/** A year without a cycle (404) is not an error here: it is the moment to open one. */
async function loadAll(year: number) {
  const [cycle, units] = await Promise.all([
    loadCycle(year).catch((p: unknown) => {
      if (isProblem(p) && p.status === 404) return undefined;
      throw p;
    }),
    must(api().GET('/v1/units', {})),
  ]);
  const previous = cycle ? undefined : await loadPrevious(year);
  return { cycle, previous, units: units.units.filter((u) => u.type !== 'province').sort((a, b) => collator.compare(a.name, b.name)) };
}

function PhaseMoves({ cycle, onChange }: { cycle: Cycle; onChange: (c: Cycle) => void }) {
  const { problem, message, save } = useCycleChange(onChange);
  const [reason, setReason] = useState('');
  const allowed = allowedPhases(cycle, 'admin', new Date());
  return (
    <section class="panel" aria-labelledby="phase-h">
      <h2 id="phase-h">Giai đoạn: {phaseNames[cycle.phase as CyclePhase]}</h2>
      <PhaseDiagram phase={cycle.phase as CyclePhase} />
      {allowed.length === 0 ? (
        <p class="muted">
          Quản trị không chuyển được giai đoạn lúc này: các bước sau do quy trình, việc tính kết quả và Hội đồng thực hiện.
        </p>
      ) : (
        <div class="actions">
          <label class="field">
            Lý do chuyển giai đoạn
            <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          {allowed.map((to) => (
            <button
              type="button"
              class="primary"
              key={to}
              onClick={() => save(cycle, { phase: to, reason: reason || undefined }, `Đã chuyển sang ${phaseNames[to]}.`)}
            >
              Chuyển sang: {phaseNames[to]}
            </button>
          ))}
        </div>
      )}
      {message ? (
        <p class="ok" role="status">
          {message}
        </p>
      ) : null}
      {problem ? <ProblemBox problem={problem} /> : null}
    </section>
  );
}

function Deadlines({ cycle, onChange }: { cycle: Cycle; onChange: (c: Cycle) => void }) {
  const { problem, message, save } = useCycleChange(onChange);
  const [values, setValues] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const names = Object.keys(cycle.deadlines) as (keyof Cycle['deadlines'])[];
  const changed = Object.fromEntries(
    Object.entries(values)
      .map(([k, v]) => [k, fromLocalInput(v)])
      .filter(([k, v]) => v && Date.parse(v) !== Date.parse(cycle.deadlines[k as keyof Cycle['deadlines']])),
  );
  const submit = (e: Event) => {
    e.preventDefault();
    void save(cycle, { deadlines: changed, reason: reason || undefined }, 'Đã lưu các hạn của kỳ.').then(() => setValues({}));
  };
  return (
    <section class="panel" aria-labelledby="deadlines-h">
      <h2 id="deadlines-h">Các hạn của kỳ (giờ Việt Nam)</h2>
      <form onSubmit={submit}>
        <div class="fields">
          {names.map((n) => (
            <label class="field" key={n}>
              {deadlineNames[n] ?? n}
              <input
                type="datetime-local"
                value={values[n] ?? toLocalInput(cycle.deadlines[n])}
                onInput={(e) => setValues({ ...values, [n]: e.currentTarget.value })}
              />
              <span class="muted">{fmtDateTime(cycle.deadlines[n])}</span>
            </label>
          ))}
          <label class="field wide">
            Lý do thay đổi
            <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
        </div>
        <p>
          <button type="submit" class="primary" disabled={Object.keys(changed).length === 0}>
            Lưu các hạn
          </button>
        </p>
      </form>
      {message ? (
        <p class="ok" role="status">
          {message}
        </p>
      ) : null}
      {problem ? <ProblemBox problem={problem} /> : null}
    </section>
  );
}

export function CycleAdmin() {
  const { params, query } = useRoute();
  const { route } = useLocation();
  const year = Number(params.year);
  const [loaded, , setData] = useLoad(() => loadAll(year), [year]);
  if (loaded.state === 'loading')
    return (
      <main id="main" class="page">
        <p>Đang tải kỳ đánh giá…</p>
      </main>
    );
  if (loaded.state === 'error') return <PageProblem problem={loaded.problem} />;
  const { cycle, previous, units } = loaded.value;
  const setCycle = (c: Cycle) => setData({ ...loaded.value, cycle: c });
  if (!cycle)
    return (
      <main id="main" class="page wide admin">
        <AdminNav year={year} />
        <h1>Kỳ đánh giá {year}</h1>
        <p class="notice">Năm {year} chưa có kỳ đánh giá.</p>
        <OpenCycleForm key={year} year={year} previous={previous} onOpened={setCycle} />
      </main>
    );
  const unitId = query['don-vi'];
  const unit = units.find((u) => u.id === unitId);
  return (
    <main id="main" class="page wide admin">
      <AdminNav year={year} />
      <h1>Kỳ đánh giá {year}</h1>
      <p class="facts">
        <span class="badge">{phaseNames[cycle.phase as CyclePhase]}</span>
        <span>Phiên bản {cycle.version}</span>
        <a href={`/quan-tri/ky/${year}/quy-trinh`}>Trạng thái quy trình năm</a>
      </p>
      <div class="admin-grid">
        <PhaseMoves cycle={cycle} onChange={setCycle} />
        <Deadlines cycle={cycle} onChange={setCycle} />
        <RegistryRefresh cycle={cycle} onChange={setCycle} />
      </div>
      <section class="panel" aria-labelledby="unit-h">
        <h2 id="unit-h">Gia hạn và miễn trừ theo đơn vị</h2>
        <label for="unit-pick">Đơn vị</label>
        <select
          id="unit-pick"
          value={unitId ?? ''}
          onChange={(e) => route(`/quan-tri/ky/${year}${e.currentTarget.value ? `?don-vi=${e.currentTarget.value}` : ''}`)}
        >
          <option value="">Chọn đơn vị…</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} ({unitTypeNames[u.type]})
            </option>
          ))}
        </select>
        {unit ? <UnitPanel key={unit.id} cycle={cycle} unit={unit} onChange={setCycle} /> : null}
      </section>
    </main>
  );
}
