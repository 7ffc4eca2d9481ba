/**
 * The council's draft results (`/hoi-dong?nam=&loai=`): per unit type the ranking with filters and
 * sort, the units whose appraisal is not finalised, charts of the distribution and the area
 * sub-indexes, and the way to approval. It shows what the API returns for this token: a district
 * council's draft is its communes, never a client-side guess.
 */
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { api, idempotencyKey } from '../api/client';
import { AreaChart, DistributionChart } from '../components/charts';
import { CouncilTable } from '../components/council-table';
import { PageProblem } from '../components/page-problem';
import { ProblemBox } from '../components/problem-box';
import { areaMeans, loadCouncil, type CouncilData, unitTypes } from '../lib/council';
import { currentYear, fmtDateTime, fmtNumber, stateNames, unitTypeNames } from '../lib/format';
import type { Problem } from '../lib/problems';
import { currentSession, hasRole } from '../lib/session';
import { useLoad } from '../lib/use-load';
import '../styles-council.css';

function YearPicker({ year }: { year: number }) {
  const { route } = useLocation();
  const [value, setValue] = useState(String(year));
  return (
    <form
      class="year-pick"
      onSubmit={(e) => {
        e.preventDefault();
        route(`/hoi-dong?nam=${encodeURIComponent(value)}`);
      }}
    >
      <label for="c-year">Năm</label>
      <input
        id="c-year"
        type="number"
        inputMode="numeric"
        min={2000}
        max={2999}
        value={value}
        onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)}
      />
      <button type="submit">Xem</button>
    </form>
  );
}

/** No draft yet: the council waits; an administrator may compute it from here. */
function NoDraft({ year, problem, onComputed }: { year: number; problem: Problem | undefined; onComputed: () => void }) {
  const [error, setError] = useState<Problem | undefined>();
  const admin = hasRole(currentSession(), 'admin');
  const compute = async () => {
    const { error: e } = await api().POST('/v1/cycles/{year}/results/compute', {
      params: { path: { year } },
      headers: { 'Idempotency-Key': idempotencyKey() },
    });
    if (e) setError(e as Problem);
    else onComputed();
  };
  return (
    <main id="main" class="page">
      <h1>Kết quả Chỉ số CCHC {year}</h1>
      <YearPicker year={year} />
      <ProblemBox problem={problem} />
      {admin && problem?.code === 'NO_DRAFT' ? (
        <p>
          <button type="button" class="primary" onClick={() => void compute()}>
            Tính kết quả dự thảo
          </button>
        </p>
      ) : null}
      {error ? <ProblemBox problem={error} /> : null}
    </main>
  );
}

/**
 * A draft exists and is not approved: the admin or a council computes it again (scores changed
 * since). Approval then refuses a draft the council read before the recomputation.
 */
function Recompute({ year, onComputed }: { year: number; onComputed: (computedAt: string) => void }) {
  const [error, setError] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  const session = currentSession();
  if (!hasRole(session, 'admin') && !hasRole(session, 'council')) return null;
  const compute = async () => {
    setBusy(true);
    setError(undefined);
    const { data, error: e } = await api().POST('/v1/cycles/{year}/results/compute', {
      params: { path: { year } },
      headers: { 'Idempotency-Key': idempotencyKey() },
    });
    setBusy(false);
    if (data) onComputed(data.computedAt);
    else setError(e as Problem);
  };
  return (
    <>
      <button type="button" onClick={() => void compute()} disabled={busy}>
        {busy ? 'Đang tính lại…' : 'Tính lại kết quả'}
      </button>
      {error ? <ProblemBox problem={error} /> : null}
    </>
  );
}

function NotFinalized({ data }: { data: CouncilData }) {
  const open = data.draft.notFinalized;
  if (open.length === 0) return <p class="ok">Tất cả đơn vị đã được kết thúc thẩm định.</p>;
  return (
    <section class="notice" aria-labelledby="open-title">
      <h2 id="open-title">{open.length} đơn vị chưa kết thúc thẩm định</h2>
      <p>Kết quả của các đơn vị này còn có thể thay đổi; chưa thể phê duyệt.</p>
      <ul>
        {open.map((u) => (
          <li key={u.unitId}>
            {data.units.get(u.unitId)?.name ?? u.unitId}: {u.state === 'none' ? 'chưa có hồ sơ' : (stateNames[u.state] ?? u.state)}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CouncilResults() {
  const { query } = useLocation();
  const year = Number(query.nam ?? currentYear());
  const [loaded, reload] = useLoad(() => loadCouncil(year), [year]);
  const [recomputedAt, setRecomputedAt] = useState<string | undefined>();
  if (loaded.state === 'loading')
    return (
      <main id="main" class="page">
        <p>Đang tải kết quả…</p>
      </main>
    );
  if (loaded.state === 'error')
    return loaded.problem?.code === 'NO_DRAFT' || loaded.problem?.code === 'CYCLE_NOT_FOUND' ? (
      <NoDraft year={year} problem={loaded.problem} onComputed={reload} />
    ) : (
      <PageProblem problem={loaded.problem} />
    );
  const data = loaded.value;
  const { draft } = data;
  const types = unitTypes.filter((t) => draft.results[t]);
  const type = types.includes(query.loai as never) ? (query.loai as (typeof types)[number]) : types[0];
  const results = type ? draft.results[type] : undefined;
  const names = results ? (data.areaNames.get(results.frameworkId) ?? new Map<string, string>()) : new Map<string, string>();
  const approved = draft.status === 'approved';
  return (
    <main id="main" class="page">
      <div class="page-head">
        <h1>
          Kết quả Chỉ số CCHC {year}: {approved ? 'đã phê duyệt' : 'bản dự thảo'}
        </h1>
        <p class="facts">
          <span>
            Phạm vi: <strong>{data.scope}</strong>
          </span>
          <span>
            Tính lúc {fmtDateTime(draft.computedAt)} ({draft.computedBy})
          </span>
          <a href={`/hoi-dong/phe-duyet?nam=${year}`}>{approved ? 'Báo cáo đã công bố' : 'Phê duyệt kết quả'}</a>
        </p>
        {approved ? null : (
          <div class="recompute">
            <Recompute
              year={year}
              onComputed={(at) => {
                setRecomputedAt(at);
                reload();
              }}
            />
          </div>
        )}
        <p role="status">{recomputedAt ? `Đã tính lại kết quả lúc ${fmtDateTime(recomputedAt)}.` : ''}</p>
        <YearPicker year={year} />
      </div>
      <NotFinalized data={data} />
      <nav class="tabs" aria-label="Loại đơn vị">
        {types.map((t) => (
          <a key={t} href={`/hoi-dong?nam=${year}&loai=${t}`} aria-current={t === type ? 'page' : undefined}>
            {unitTypeNames[t]} ({draft.results[t]!.units.length})
          </a>
        ))}
      </nav>
      {results && type ? (
        <>
          <p>
            {results.units.length} đơn vị · trung bình {fmtNumber(results.stats[type]?.mean)} · trung vị{' '}
            {fmtNumber(results.stats[type]?.median)} · thấp nhất {fmtNumber(results.stats[type]?.min)} · cao nhất{' '}
            {fmtNumber(results.stats[type]?.max)}
          </p>
          <div class="charts">
            <DistributionChart
              id={`dist-${type}`}
              title={`Phân bố chỉ số: ${unitTypeNames[type]}`}
              indexes={results.units.map((u) => u.index)}
            />
            <AreaChart
              id={`areas-${type}`}
              title={`Chỉ số thành phần trung bình theo lĩnh vực: ${unitTypeNames[type]}`}
              areas={areaMeans(results.units).map((a) => ({ ...a, name: names.get(a.code) ?? '' }))}
            />
          </div>
          <CouncilTable data={data} rows={results.units} areaNames={names} year={year} />
        </>
      ) : (
        <p>Bản dự thảo không có đơn vị nào trong phạm vi của bạn.</p>
      )}
    </main>
  );
}
