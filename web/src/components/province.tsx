/**
 * The province's own assessment on the clerk screen: who owns which area (a department writes only
 * its own; Sở Nội vụ coordinates), the export in the Ministry's form and the Ministry's score.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, type Assessment, type Schemas } from '../api/client';
import { fmtNumber } from '../lib/format';
import { problemText, type Problem } from '../lib/problems';
import { must, useLoad } from '../lib/use-load';
import { MinistryScoreForm } from './ministry-score-form';

export type Collaboration = NonNullable<Assessment['collaboration']>;

/** The departments the most specific assigned code covering `code` names (7.4 over 7), as the API decides. */
export function ownersOf(collab: Collaboration, code: string): string[] {
  let best: { length: number; units: string[] } | undefined;
  for (const [assigned, units] of Object.entries(collab.assignment)) {
    const covers = assigned === '*' || code === assigned || code.startsWith(`${assigned}.`);
    const length = assigned === '*' ? 0 : assigned.split('.').length;
    if (covers && (!best || length > best.length)) best = { length, units };
  }
  return best?.units ?? [];
}

/** Unit ids as their registry names (the collaboration block carries ids only); an id stays while loading or if unreadable. */
function useUnitNames(ids: string[]): string[] {
  const [names, setNames] = useState<Record<string, string>>({});
  const key = ids.join('|');
  useEffect(() => {
    let live = true;
    void Promise.all(
      ids.map((unitId) =>
        api()
          .GET('/v1/units/{unitId}', { params: { path: { unitId } } })
          .then((r) => [unitId, r.data?.name ?? unitId] as const),
      ),
    ).then((pairs) => live && setNames(Object.fromEntries(pairs)));
    return () => void (live = false);
  }, [key]);
  return ids.map((id) => names[id] ?? id);
}

export function ReadOnlyNote({ collab, code, survey }: { collab: Collaboration; code: string; survey: boolean }) {
  const owners = useUnitNames(survey ? collab.coordinators : ownersOf(collab, code));
  return (
    <p class="notice" role="note">
      {survey
        ? 'Điểm điều tra xã hội học do Bộ Nội vụ công bố; Sở Nội vụ nhập khi có kết quả. '
        : `Tiêu chí này thuộc lĩnh vực giao cho ${owners.join(', ') || 'cơ quan khác'}. `}
      Đơn vị của bạn chỉ được xem.
    </p>
  );
}

async function download(year: number, unitId: string, format: 'xlsx' | 'html') {
  const file = await must(
    api().GET('/v1/cycles/{year}/units/{unitId}/ministry-export', { params: { path: { year, unitId }, query: { format } } }),
  );
  const bytes = file.encoding === 'base64' ? Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0)) : file.content;
  const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  // Saved, not opened: a blob page would inherit the console's CSP, which refuses the form's inline print styles.
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function MinistryExports({ year, unitId }: { year: number; unitId: string }) {
  const [problem, setProblem] = useState<Problem | undefined>();
  const run = (format: 'xlsx' | 'html') => download(year, unitId, format).catch((p: Problem) => setProblem(p));
  return (
    <section class="exports" aria-labelledby="exports-title">
      <h2 id="exports-title">Biểu mẫu gửi Bộ Nội vụ</h2>
      <p>Bảng tự đánh giá theo mẫu của Bộ, kèm danh sách tài liệu kiểm chứng từng tiêu chí.</p>
      <button type="button" onClick={() => void run('xlsx')}>
        Tải bảng tính (XLSX)
      </button>{' '}
      <button type="button" onClick={() => void run('html')}>
        Tải bản in HTML (in ra PDF)
      </button>
      {problem ? <p role="alert">{problemText(problem)}</p> : null}
    </section>
  );
}

/**
 * Self vs the Ministry's score, per area and in total, once the Ministry's score is recorded;
 * `mayRecord` (admin or Sở Nội vụ, after submission) adds the form that records it.
 */
export function MinistryComparison({ year, unitId, mayRecord = false }: { year: number; unitId: string; mayRecord?: boolean }) {
  const [loaded, , setView] = useLoad(
    () => must(api().GET('/v1/cycles/{year}/units/{unitId}/ministry-score', { params: { path: { year, unitId } } })),
    [year, unitId],
  );
  if (loaded.state !== 'ready' || (!loaded.value.score && !mayRecord)) return null;
  const { comparison, score } = loaded.value;
  return (
    <section class="ministry" aria-labelledby="ministry-title">
      <h2 id="ministry-title">Điểm Bộ Nội vụ thẩm định{score?.decision ? ` (${score.decision})` : ''}</h2>
      {score ? <ComparisonTable comparison={comparison} /> : <p class="muted">Chưa ghi điểm Bộ Nội vụ thẩm định.</p>}
      {mayRecord ? <MinistryScoreForm year={year} unitId={unitId} view={loaded.value} onSaved={setView} /> : null}
    </section>
  );
}

function ComparisonTable({ comparison }: { comparison: Schemas['MinistryScore']['comparison'] }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Lĩnh vực</th>
          <th scope="col">Tự đánh giá</th>
          <th scope="col">Bộ Nội vụ</th>
          <th scope="col">Chênh lệch</th>
        </tr>
      </thead>
      <tbody>
        {comparison.areas.map((r) => (
          <tr key={r.code}>
            <th scope="row">
              {r.code}. {r.name}
            </th>
            <td>{fmtNumber(r.self)}</td>
            <td>{fmtNumber(r.ministry)}</td>
            <td>{fmtNumber(r.difference)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">Tổng điểm</th>
          <td>{fmtNumber(comparison.selfTotal)}</td>
          <td>{fmtNumber(comparison.ministryTotal)}</td>
          <td>{fmtNumber(comparison.difference)}</td>
        </tr>
      </tbody>
    </table>
  );
}

/** On a department's own screen: a link to the province's assessment when the cycle gives it areas. */
export function ProvinceLink({ year, unitType }: { year: number; unitType: string }) {
  const [provinceId, setProvinceId] = useState<string | undefined>();
  useEffect(() => {
    if (unitType !== 'department') return;
    void (async () => {
      const { data } = await api().GET('/v1/units', { params: { query: { type: 'province' } } });
      const id = data?.units[0]?.id;
      if (!id) return;
      const { data: reachable } = await api().GET('/v1/cycles/{year}/units/{unitId}/assessment', {
        params: { path: { year, unitId: id } },
      });
      if (reachable?.collaboration) setProvinceId(id);
    })();
  }, [year, unitType]);
  if (!provinceId) return null;
  return <a href={`/don-vi/${provinceId}?nam=${year}`}>Hồ sơ tự đánh giá của tỉnh (lĩnh vực được giao)</a>;
}
