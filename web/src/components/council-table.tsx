/** The draft's ranking table for one unit type: filters in the URL, Vietnamese collation, area columns. */
import { useLocation } from 'preact-iso';
import { fmtNumber, fold } from '../lib/format';
import { signed, sortNames, sortUnits, type CouncilData, type UnitResult } from '../lib/council';

export function CouncilTable(props: { data: CouncilData; rows: UnitResult[]; areaNames: Map<string, string>; year: number }) {
  const { query, route, path } = useLocation();
  const set = (patch: Record<string, string>) => {
    const next = new URLSearchParams({ ...query, ...patch });
    for (const [k, v] of [...next.entries()]) if (!v) next.delete(k);
    route(`${path}?${next}`, true);
  };
  const parentOf = (id: string) => props.data.units.get(id)?.parentId ?? undefined;
  const bands = [...new Set(props.rows.map((u) => u.band))];
  const districts = [...new Set(props.rows.map((u) => parentOf(u.unitId)).filter((d): d is string => Boolean(d)))]
    .filter((d) => props.data.units.get(d)?.type === 'district')
    .map((d) => ({ id: d, name: props.data.units.get(d)?.name ?? d }));
  const needle = fold(query.tim ?? '');
  const shown = sortUnits(
    props.rows
      .filter((u) => !needle || fold(u.name).includes(needle))
      .filter((u) => !query.xeploai || u.band === query.xeploai)
      .filter((u) => !query.huyen || parentOf(u.unitId) === query.huyen),
    query.sap ?? 'hang',
  );
  const areas = props.rows[0]?.areas.map((a) => a.code) ?? [];
  const select = (id: string, label: string, key: string, options: [string, string][], all = 'Tất cả') => (
    <div>
      <label for={id}>{label}</label>
      <select id={id} value={query[key] ?? ''} onChange={(e) => set({ [key]: (e.currentTarget as HTMLSelectElement).value })}>
        {all ? <option value="">{all}</option> : null}
        {options.map(([v, t]) => (
          <option key={v} value={v}>
            {t}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <form class="filters panel" role="search" onSubmit={(e) => e.preventDefault()}>
        <div class="search">
          <label for="c-search">Tìm theo tên đơn vị</label>
          <input
            id="c-search"
            type="search"
            value={query.tim ?? ''}
            placeholder="vd. ba tri"
            onInput={(e) => set({ tim: (e.currentTarget as HTMLInputElement).value })}
          />
        </div>
        {select(
          'c-band',
          'Xếp loại',
          'xeploai',
          bands.map((b) => [b, b]),
        )}
        {districts.length > 1
          ? select(
              'c-district',
              'Huyện',
              'huyen',
              districts.map((d) => [d.id, d.name]),
            )
          : null}
        {select('c-sort', 'Sắp xếp', 'sap', Object.entries(sortNames), '')}
      </form>
      <p role="status">
        {shown.length} / {props.rows.length} đơn vị
      </p>
      <div class="table-scroll">
        <table class="results">
          <caption class="sr-only">Bảng xếp hạng dự thảo; chỉ số thành phần theo lĩnh vực (LV)</caption>
          <thead>
            <tr>
              <th scope="col" class="num">
                Hạng
              </th>
              <th scope="col">Đơn vị</th>
              <th scope="col" class="num">
                Chỉ số
              </th>
              <th scope="col">Xếp loại</th>
              <th scope="col" class="num">
                Thay đổi
              </th>
              {areas.map((c) => (
                <th key={c} scope="col" class="num">
                  <abbr title={props.areaNames.get(c) ?? c}>LV {c}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((u) => (
              <tr key={u.unitId}>
                <td class="num">{u.rank}</td>
                <td>
                  <a href={`/hoi-dong/don-vi/${u.unitId}?nam=${props.year}`}>{u.name}</a>
                  {u.missing.length ? <span class="muted"> · thiếu {u.missing.length} tiêu chí</span> : null}
                </td>
                <td class="num">{fmtNumber(u.index)}</td>
                <td>{u.band}</td>
                <td class="num">{signed(u.change?.index, fmtNumber)}</td>
                {areas.map((c) => (
                  <td key={c} class="num">
                    {fmtNumber(u.areas.find((a) => a.code === c)?.index)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 ? <p>Không có đơn vị nào khớp bộ lọc.</p> : null}
    </>
  );
}
