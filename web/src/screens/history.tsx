/** The assessment's audit events, newest first: who changed what, when, and why. */
import { useRoute } from 'preact-iso';
import { api } from '../api/client';
import { currentYear, fmtDateTime } from '../lib/format';
import { must, useLoad } from '../lib/use-load';
import { PageProblem } from '../components/page-problem';

const actionNames: Record<string, string> = {
  'self-score.set': 'Tự chấm điểm',
  'assessment.submitted': 'Nộp hồ sơ',
  'assessment.returned': 'Trả lại để giải trình',
  'explanation.set': 'Giải trình tiêu chí',
  'explanations.submitted': 'Nộp giải trình',
  'appraisal.set': 'Thẩm định tiêu chí',
  'appraisal.accepted': 'Chấp nhận điểm tự chấm',
  'appraisal.finalized': 'Kết thúc thẩm định',
  'appraisal.reopened': 'Mở lại thẩm định',
  'evidence.created': 'Khai báo tài liệu',
  'evidence.confirmed': 'Xác nhận tài liệu',
};

export function HistoryScreen() {
  const { params, query } = useRoute();
  const year = Number(query.nam ?? currentYear());
  const unitId = params.unitId!;
  const [loaded] = useLoad(
    () => must(api().GET('/v1/cycles/{year}/units/{unitId}/history', { params: { path: { year, unitId } } })),
    [year, unitId],
  );
  if (loaded.state === 'loading')
    return (
      <main id="main" class="page">
        <p>Đang tải…</p>
      </main>
    );
  if (loaded.state === 'error') return <PageProblem problem={loaded.problem} />;
  const events = loaded.value.events;
  return (
    <main id="main" class="page">
      <p>
        <a href={`/don-vi/${unitId}`}>← Về hồ sơ</a>
      </p>
      <h1>
        Lịch sử thay đổi {year}: {unitId}
      </h1>
      {events.length === 0 ? <p>Chưa có thay đổi nào.</p> : null}
      <ol class="history">
        {events.map((e, i) => (
          <li key={i}>
            <time dateTime={e.at}>{fmtDateTime(e.at)}</time> · <strong>{actionNames[e.action] ?? e.action}</strong>
            {e.target ? ` · ${e.target.replace(/^.*#/, '')}` : ''} · {e.actor.username}
            {e.reason ? <p class="reason">Lý do: {e.reason}</p> : null}
          </li>
        ))}
      </ol>
    </main>
  );
}
