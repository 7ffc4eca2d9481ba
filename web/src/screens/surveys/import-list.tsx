/** The survey's imports, newest first, each linking to its progress page (found again after leaving it). */
import { api } from '../../api/client';
import { fmtDateTime, fmtNumber } from '../../lib/format';
import { surveyPath } from '../../lib/surveys';
import { must, useLoad } from '../../lib/use-load';

const statusNames: Record<string, string> = { pending: 'Đang chờ tệp', running: 'Đang đọc', done: 'Đã xong', failed: 'Bị từ chối' };

export function ImportList({ year, surveyId }: { year: number; surveyId: string }) {
  const [loaded] = useLoad(
    () => must(api().GET('/v1/cycles/{year}/surveys/{surveyId}/imports', { params: { path: { year, surveyId } } })),
    [year, surveyId],
  );
  if (loaded.state !== 'ready' || loaded.value.imports.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="imports-h">
      <h2 id="imports-h">Các lượt nhập tệp</h2>
      <ul class="import-list">
        {loaded.value.imports.slice(0, 20).map((r) => (
          <li key={r.importId}>
            <a href={`${surveyPath(year, surveyId)}/nhap/${r.importId}`}>{r.fileName}</a> · {fmtDateTime(r.createdAt)} ·{' '}
            <span class={`badge import-${r.status}`}>{statusNames[r.status]}</span> · {fmtNumber(r.accepted)} phiếu hợp lệ,{' '}
            {fmtNumber(r.rejectedCount)} dòng bị từ chối
            {r.status === 'running' && r.totalLines ? ` · đã đọc ${fmtNumber(r.lines)} / ${fmtNumber(r.totalLines)} dòng` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
