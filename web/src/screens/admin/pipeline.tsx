/**
 * The yearly pipeline (`/quan-tri/ky/{year}/quy-trinh`): the state the year's execution is in, read
 * from the API every few seconds while it runs (so a reload shows the same), its history, the steps
 * the tasks recorded and the failure with its reason.
 */
import { useRoute } from 'preact-iso';
import { api, type Schemas } from '../../api/client';
import { PageProblem } from '../../components/page-problem';
import { ProgressBar, useProgress, type ProgressState } from '../../components/progress';
import { fmtDateTime } from '../../lib/format';
import { phaseNames } from '../../lib/phase';
import { errorName, statusName } from '../../lib/pipeline-names';
import { must } from '../../lib/use-load';
import { AdminNav } from './nav';

type Status = Schemas['PipelineStatus'];

/** The ASL's states in Vietnamese (infra/pipeline/cycle.asl.json). */
export const stateNames: Record<string, string> = {
  YearGiven: 'Xác định năm',
  YearFromSchedule: 'Lấy năm theo lịch chạy',
  LoadCycle: 'Đọc kỳ đánh giá',
  AlreadyPublished: 'Kiểm tra đã công bố',
  RemindBeforeSelfAssessmentDeadline: 'Nhắc hạn nộp tự đánh giá',
  SelfAssessmentDeadlinePassed: 'Kiểm tra hạn nộp',
  WaitForSelfAssessmentDeadline: 'Chờ đến hạn nộp',
  CloseSubmission: 'Khóa nộp hồ sơ',
  RemindBeforeFinalAppraisalDeadline: 'Nhắc hạn thẩm định',
  FinalAppraisalDeadlinePassed: 'Kiểm tra hạn thẩm định',
  WaitForFinalAppraisalDeadline: 'Chờ đến hạn thẩm định cuối',
  AggregateSurveys: 'Tổng hợp khảo sát',
  ComputeResults: 'Tính kết quả',
  AwaitApproval: 'Chờ Hội đồng phê duyệt',
  CheckPublication: 'Kiểm tra công bố',
  IsPublished: 'Đã công bố?',
  ConfirmPublication: 'Xác nhận tệp báo cáo',
  Published: 'Hoàn thành',
  ReportFailure: 'Ghi nhận lỗi',
  PipelineFailed: 'Quy trình lỗi',
};

const eventNames: Record<string, string> = {
  StateEntered: 'Vào bước',
  StateRetried: 'Thử lại',
  StateCaught: 'Chuyển sang xử lý lỗi',
  StateFailed: 'Bước lỗi',
};

const stepNames: Record<string, string> = {
  'close-submission': 'Khóa nộp hồ sơ',
  'aggregate-surveys': 'Tổng hợp khảo sát',
  failure: 'Lỗi quy trình',
};

const stateName = (s: string | undefined) => (s ? (stateNames[s] ?? s) : '—');

function progressOf(s: Status): ProgressState {
  const e = s.execution;
  // A run may still start (the yearly schedule, `npm run cycle`): keep reading until the year is published.
  if (!e) return { finished: s.phase === 'published', waiting: true, step: 'Chưa có lượt chạy nào cho năm này' };
  const order = Object.keys(stateNames).filter((k) => !['ReportFailure', 'PipelineFailed'].includes(k));
  const at = e.currentState ? order.indexOf(e.currentState) : -1;
  return {
    finished: e.status !== 'RUNNING',
    done: at >= 0 ? at + 1 : undefined,
    total: order.length,
    step: `${e.status === 'RUNNING' ? 'Đang chạy' : 'Dừng ở bước'}: ${stateName(e.currentState)}`,
    failed: e.status === 'RUNNING' || e.status === 'SUCCEEDED' ? undefined : failedText(s.failure?.error.name ?? e.error?.name, e.status),
  };
}

/** The Vietnamese reason with the raw error name in brackets, or the status when no error was recorded. */
const failedText = (name: string | undefined, status: string) => (name ? `${errorName(name)} (${name})` : statusName(status));

/** An error in Vietnamese, its raw name and cause kept small for support. */
function ErrorText({ name, cause }: { name: string; cause?: string | undefined }) {
  return (
    <>
      {errorName(name)} <code class="raw">{name}</code>
      {cause ? (
        <>
          {' '}
          <small>
            Chi tiết: <code class="raw">{cause}</code>
          </small>
        </>
      ) : null}
    </>
  );
}

function History({ events }: { events: NonNullable<Status['execution']>['events'] }) {
  return (
    <table class="cards">
      <caption>Lịch sử lượt chạy (mới nhất trước)</caption>
      <thead>
        <tr>
          <th scope="col">Thời gian</th>
          <th scope="col">Sự kiện</th>
          <th scope="col">Bước</th>
          <th scope="col">Lỗi</th>
        </tr>
      </thead>
      <tbody>
        {[...events].reverse().map((e, i) => (
          <tr key={i} class={e.error ? 'bad' : undefined}>
            <td data-label="Thời gian">
              <time dateTime={e.at}>{fmtDateTime(e.at)}</time>
            </td>
            <td data-label="Sự kiện">{eventNames[e.type] ?? e.type}</td>
            <td data-label="Bước">{stateName(e.state)}</td>
            <td data-label="Lỗi">{e.error ? <ErrorText name={e.error} cause={e.cause} /> : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PipelineAdmin() {
  const { params } = useRoute();
  const year = Number(params.year);
  const work = useProgress(() => must(api().GET('/v1/cycles/{year}/pipeline', { params: { path: { year } } })), progressOf, {
    key: year,
    everyMs: 3000,
  });
  if (work.problem && !work.value) return <PageProblem problem={work.problem} />;
  const s = work.value;
  return (
    <main id="main" class="page wide admin">
      <AdminNav year={year} />
      <h1>Quy trình năm {year}</h1>
      <ProgressBar label="Lượt chạy của năm" state={work.state} problem={work.problem} />
      {s ? (
        <>
          <p class="facts">
            <span>Giai đoạn của kỳ: {phaseNames[s.phase]}</span>
            {s.execution ? (
              <>
                <span>
                  {statusName(s.execution.status)} <code class="raw">{s.execution.status}</code>
                </span>
                <span>
                  Lượt chạy <code>{s.execution.name}</code> ({s.execution.source === 'local' ? 'máy cục bộ' : 'AWS Step Functions'})
                </span>
                <span>Bắt đầu {fmtDateTime(s.execution.startedAt)}</span>
                {s.execution.stoppedAt ? <span>Kết thúc {fmtDateTime(s.execution.stoppedAt)}</span> : null}
              </>
            ) : null}
          </p>
          {s.failure ? (
            <div class="error" role="alert">
              <p>
                Quy trình lỗi lúc {fmtDateTime(s.failure.at)}: <strong>{errorName(s.failure.error.name)}</strong>{' '}
                <code class="raw">{s.failure.error.name}</code>
              </p>
              {s.failure.error.cause ? (
                <p>
                  Chi tiết kỹ thuật: <code class="raw">{s.failure.error.cause}</code>
                </p>
              ) : null}
            </div>
          ) : null}
          <section class="panel" aria-labelledby="steps-h">
            <h2 id="steps-h">Các bước đã ghi nhận</h2>
            {s.steps.length === 0 ? <p class="muted">Chưa có bước nào.</p> : null}
            <ul>
              {s.steps.map((st) => (
                <li key={st.step}>
                  <time dateTime={st.at}>{fmtDateTime(st.at)}</time>: {stepNames[st.step] ?? st.step}
                </li>
              ))}
            </ul>
          </section>
          {s.execution ? <History events={s.execution.events} /> : null}
          <p>
            <button type="button" onClick={work.refresh}>
              Đọc lại trạng thái
            </button>
          </p>
        </>
      ) : null}
    </main>
  );
}
