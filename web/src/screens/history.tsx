/** The assessment's audit events, newest first: who changed what, when, and why. */
import { useRoute } from 'preact-iso';
import { api } from '../api/client';
import { currentYear, fmtDateTime, fmtNumber } from '../lib/format';
import { must, useLoad } from '../lib/use-load';
import { PageLoading, PageProblem } from '../components/page-problem';

const actionNames: Record<string, string> = {
  'self-score.set': 'Tự chấm điểm',
  'assessment.submitted': 'Nộp hồ sơ',
  'assessment.returned': 'Trả lại để giải trình',
  'explanation.set': 'Giải trình tiêu chí',
  'explanations.submitted': 'Nộp giải trình',
  'appraisal.finalized': 'Kết thúc thẩm định',
  'appraisal.reopened': 'Mở lại thẩm định',
  'evidence.created': 'Khai báo tài liệu',
  'evidence.confirmed': 'Xác nhận tài liệu',
};

function actionName(action: string): string {
  const round = /^appraisal\.round(\d+)(\.accepted)?$/.exec(action);
  if (round) return round[2] ? `Chấp nhận điểm tự chấm (vòng ${round[1]})` : `Thẩm định (vòng ${round[1]})`;
  return actionNames[action] ?? action;
}

function detail(after: unknown): string {
  if (typeof after !== 'object' || after === null) return '';
  const a = after as Record<string, unknown>;
  if (typeof a.appraisedScore === 'number') return `điểm thẩm định ${fmtNumber(a.appraisedScore)}`;
  if (typeof a.selfScore === 'number') return `điểm tự chấm ${fmtNumber(a.selfScore)}`;
  return '';
}

async function loadHistory(year: number, unitId: string) {
  const [history, unit] = await Promise.all([
    must(api().GET('/v1/cycles/{year}/units/{unitId}/history', { params: { path: { year, unitId } } })),
    api().GET('/v1/units/{unitId}', { params: { path: { unitId } } }),
  ]);
  return { events: history.events, unitName: unit.data?.name ?? unitId };
}

export function HistoryScreen() {
  const { params, query } = useRoute();
  const year = Number(query.nam ?? currentYear());
  const unitId = params.unitId!;
  const [loaded] = useLoad(() => loadHistory(year, unitId), [year, unitId]);
  if (loaded.state === 'loading') return <PageLoading />;
  if (loaded.state === 'error') return <PageProblem problem={loaded.problem} />;
  const { events, unitName } = loaded.value;
  return (
    <main id="main" class="page">
      <p>
        <a href={`/don-vi/${unitId}`}>← Về hồ sơ</a>
      </p>
      <h1>
        Lịch sử thay đổi {year}: {unitName}
      </h1>
      {events.length === 0 ? <p>Chưa có thay đổi nào.</p> : null}
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">Thời gian</th>
            <th scope="col">Thao tác</th>
            <th scope="col">Tiêu chí</th>
            <th scope="col">Chi tiết</th>
            <th scope="col">Người thực hiện</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e, i) => (
            <tr key={i}>
              <td data-label="Thời gian">
                <time dateTime={e.at}>{fmtDateTime(e.at)}</time>
              </td>
              <td data-label="Thao tác">{actionName(e.action)}</td>
              <td data-label="Tiêu chí">{e.target && /#\d/.test(e.target) ? e.target.replace(/^.*#/, '') : '—'}</td>
              <td data-label="Chi tiết">{[detail(e.after), e.reason ? `lý do: ${e.reason}` : ''].filter(Boolean).join('; ') || '—'}</td>
              <td data-label="Người thực hiện">{e.actor.username}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
