/** The sample per unit against the target: responses per group, units short of it first on request. */
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { ProblemBox } from '../../components/problem-box';
import { collator, fold } from '../../lib/format';
import { must, useLoad } from '../../lib/use-load';

const short = (g: { responses: number; target: number | null }) => g.target !== null && g.responses < g.target;

export function SurveySummary(props: { year: number; surveyId: string; groups: Record<string, string> }) {
  const { year, surveyId, groups } = props;
  const [loaded] = useLoad(
    () => must(api().GET('/v1/cycles/{year}/surveys/{surveyId}/summary', { params: { path: { year, surveyId } } })),
    [year, surveyId],
  );
  const [onlyShort, setOnlyShort] = useState(false);
  const [needle, setNeedle] = useState('');
  if (loaded.state === 'loading') return <p>Đang tính cỡ mẫu theo đơn vị…</p>;
  if (loaded.state === 'error') return <ProblemBox problem={loaded.problem} />;
  const units = loaded.value.units;
  const shortCount = units.filter((u) => Object.values(u.groups).some(short)).length;
  const shown = units
    .filter((u) => !onlyShort || Object.values(u.groups).some(short))
    .filter((u) => !needle || fold(u.name).includes(fold(needle)))
    .sort((a, b) => collator.compare(a.name, b.name));
  return (
    <section class="panel" aria-labelledby="summary-h">
      <h2 id="summary-h">Số phiếu theo đơn vị so với cỡ mẫu</h2>
      <p role="status">
        {shortCount} / {units.length} đơn vị chưa đủ cỡ mẫu.
      </p>
      <div class="filters">
        <div class="search">
          <label for="sum-search">Tìm đơn vị</label>
          <input id="sum-search" type="search" value={needle} onInput={(e) => setNeedle((e.currentTarget as HTMLInputElement).value)} />
        </div>
      </div>
      <p>
        <label class="inline">
          <input type="checkbox" checked={onlyShort} onChange={(e) => setOnlyShort((e.currentTarget as HTMLInputElement).checked)} /> Chỉ
          đơn vị chưa đủ mẫu
        </label>
      </p>
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">Đơn vị</th>
            {Object.entries(groups).map(([g, label]) => (
              <th key={g} scope="col" class="num">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.slice(0, 200).map((u) => (
            <tr key={u.unitId}>
              <td data-label="Đơn vị">{u.name}</td>
              {Object.entries(groups).map(([g, label]) => {
                const c = u.groups[g] ?? { responses: 0, target: null };
                return (
                  <td key={g} data-label={label} class={`num${short(c) ? ' short' : ''}`}>
                    {c.responses} / {c.target ?? '—'}
                    {short(c) ? <span class="sr-only"> (chưa đủ)</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length > 200 ? <p class="muted">Hiển thị 200 / {shown.length} đơn vị; dùng ô tìm kiếm để thu hẹp.</p> : null}
    </section>
  );
}
