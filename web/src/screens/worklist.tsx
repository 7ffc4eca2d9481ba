/**
 * The appraiser's worklist: the assessments in scope with progress, filtered by state, type and
 * district, searched by name without diacritics, sorted with Vietnamese collation.
 */
import { useLocation } from 'preact-iso';
import { api } from '../api/client';
import { PageProblem } from '../components/page-problem';
import { collator, currentYear, fmtPercent, fold, stateNames, unitTypeNames } from '../lib/format';
import { currentSession } from '../lib/session';
import { must, useLoad } from '../lib/use-load';

type Query = Record<string, string>;

async function loadWorklist(year: number) {
  const [list, units] = await Promise.all([
    must(api().GET('/v1/cycles/{year}/appraisals', { params: { path: { year } } })),
    must(api().GET('/v1/units', {})),
  ]);
  // Units in scope that have not saved anything yet have no row in the worklist: shown as not
  // started (display only; the scope is the API's, shared/domain/permissions.ts).
  const s = currentSession();
  const listed = new Set(list.assessments.map((r) => r.unitId));
  const province = units.units.find((u) => u.type === 'province')?.id;
  const inScope = (u: (typeof units.units)[number]) =>
    u.id !== s?.unitId &&
    (s?.district
      ? u.type === 'commune' && u.parentId === s.district
      : u.type === 'department' || u.type === 'district' || (u.type === 'commune' && u.parentId === province));
  const notStarted = units.units
    .filter((u) => !listed.has(u.id) && inScope(u))
    .map((u) => ({
      unitId: u.id,
      unitName: u.name,
      unitType: u.type,
      state: 'draft' as const,
      round: 1,
      progress: { appraised: 0, total: 0 },
    }));
  return { rows: [...list.assessments, ...notStarted], units: units.units };
}

export function Worklist() {
  const { query, route, path } = useLocation();
  const year = Number(query.nam ?? currentYear());
  const [loaded] = useLoad(() => loadWorklist(year), [year]);
  if (loaded.state === 'loading')
    return (
      <main id="main" class="page">
        <p>Đang tải danh sách…</p>
      </main>
    );
  if (loaded.state === 'error') return <PageProblem problem={loaded.problem} />;
  const { rows, units } = loaded.value;
  const byId = new Map(units.map((u) => [u.id, u]));
  const districtOf = (unitId: string) => {
    const u = byId.get(unitId);
    return u?.type === 'commune' ? u.parentId : u?.type === 'district' ? u.id : undefined;
  };
  const districts = units.filter((u) => u.type === 'district' && rows.some((r) => districtOf(r.unitId) === u.id));
  const set = (patch: Query) => {
    const next = new URLSearchParams({ ...query, ...patch });
    for (const [k, v] of [...next.entries()]) if (!v) next.delete(k);
    route(`${path}${next.size ? `?${next}` : ''}`, true);
  };
  const needle = fold(query.tim ?? '');
  const shown = rows
    .filter((r) => !query.trangthai || r.state === query.trangthai)
    .filter((r) => !query.loai || r.unitType === query.loai)
    .filter((r) => !query.huyen || districtOf(r.unitId) === query.huyen)
    .filter((r) => !needle || fold(r.unitName).includes(needle))
    .sort((a, b) => collator.compare(a.unitName, b.unitName));
  const types = [...new Set(rows.map((r) => r.unitType))];
  return (
    <main id="main" class="page">
      <h1>Thẩm định {year}: danh sách hồ sơ</h1>
      <form class="filters panel" role="search" onSubmit={(e) => e.preventDefault()}>
        <div class="search">
          <label for="f-search">Tìm theo tên đơn vị</label>
          <input
            id="f-search"
            type="search"
            value={query.tim ?? ''}
            placeholder="vd. my hoa"
            onInput={(e) => set({ tim: (e.currentTarget as HTMLInputElement).value })}
          />
        </div>
        <div>
          <label for="f-state">Trạng thái</label>
          <select
            id="f-state"
            value={query.trangthai ?? ''}
            onChange={(e) => set({ trangthai: (e.currentTarget as HTMLSelectElement).value })}
          >
            <option value="">Tất cả</option>
            {Object.entries(stateNames).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="f-type">Loại đơn vị</label>
          <select id="f-type" value={query.loai ?? ''} onChange={(e) => set({ loai: (e.currentTarget as HTMLSelectElement).value })}>
            <option value="">Tất cả</option>
            {types.map((t) => (
              <option key={t} value={t}>
                {unitTypeNames[t] ?? t}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="f-district">Huyện</label>
          <select id="f-district" value={query.huyen ?? ''} onChange={(e) => set({ huyen: (e.currentTarget as HTMLSelectElement).value })}>
            <option value="">Tất cả</option>
            {districts.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
      </form>
      <p role="status">
        {shown.length} / {rows.length} hồ sơ
      </p>
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">Đơn vị</th>
            <th scope="col">Loại</th>
            <th scope="col">Trạng thái</th>
            <th scope="col" class="num">
              Vòng
            </th>
            <th scope="col">Tiến độ thẩm định</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.unitId}>
              <td data-label="Đơn vị">
                <a href={`/tham-dinh/${r.unitId}${query.nam ? `?nam=${year}` : ''}`}>{r.unitName}</a>
              </td>
              <td data-label="Loại">{unitTypeNames[r.unitType] ?? r.unitType}</td>
              <td data-label="Trạng thái">
                <span class={`badge ${r.state}`}>{stateNames[r.state]}</span>
              </td>
              <td data-label="Vòng" class="num">
                {r.round}
              </td>
              <td data-label="Tiến độ">
                {r.progress.total === 0 ? (
                  <span class="muted">Chưa bắt đầu</span>
                ) : (
                  <span class="progress-line">
                    <progress max={r.progress.total} value={r.progress.appraised} aria-label={`Tiến độ thẩm định ${r.unitName}`} />
                    {r.progress.appraised}/{r.progress.total} ({fmtPercent(r.progress.appraised, r.progress.total)})
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length === 0 ? <p>Không có hồ sơ nào khớp bộ lọc.</p> : null}
    </main>
  );
}
