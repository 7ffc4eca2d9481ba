/**
 * Importing a response file: pick a CSV/XLSX file, the API registers the import and answers a
 * presigned POST, the browser uploads it (with the upload's progress), then the page follows the
 * import from the API (`/khao-sat/{year}/{surveyId}/nhap/{importId}`), so a reload or another
 * device shows the same progress: lines read of the lines in the file, accepted, duplicate and
 * rejected rows, and the rejected rows with line and reason as a CSV download.
 */
import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { api, idempotencyKey } from '../../api/client';
import { ProblemBox } from '../../components/problem-box';
import { fmtDateTime, fmtNumber, fmtPercent } from '../../lib/format';
import type { Problem } from '../../lib/problems';
import { reasonText } from '../../lib/row-reasons';
import { downloadText, loadImport, rejectedRowsCsv, surveyPath, type ImportReport } from '../../lib/surveys';
import { postForm } from '../../lib/upload';
import { useLoad } from '../../lib/use-load';
import './surveys.css';

const statusNames: Record<ImportReport['status'], string> = {
  pending: 'Đang chờ tệp',
  running: 'Đang đọc tệp',
  done: 'Đã xong',
  failed: 'Tệp bị từ chối',
};

export function SurveyImportStart() {
  const { params } = useRoute();
  const { route } = useLocation();
  const year = Number(params.year);
  const surveyId = params.surveyId as string;
  const [sent, setSent] = useState<number | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const start = async (file: File) => {
    setProblem(undefined);
    setMessage(undefined);
    const format = /\.xlsx$/i.test(file.name) ? 'xlsx' : /\.csv$/i.test(file.name) ? 'csv' : undefined;
    if (!format) return setMessage('Chỉ nhận tệp .csv hoặc .xlsx.');
    const created = await api().POST('/v1/cycles/{year}/surveys/{surveyId}/imports', {
      params: { path: { year, surveyId } },
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: { fileName: file.name.normalize('NFC'), format },
    });
    if (!created.data) return setProblem(created.error as Problem);
    if (file.size > created.data.maxBytes) return setMessage(`Tệp lớn hơn giới hạn ${fmtNumber(created.data.maxBytes / 1048576)} MB.`);
    setSent(0);
    const status = await postForm(created.data.upload.url, created.data.upload.fields, file, setSent).catch(() => 0);
    if (status < 200 || status >= 300) {
      setSent(undefined);
      return setMessage('Tải tệp lên không thành công. Kiểm tra mạng và thử lại.');
    }
    route(`${surveyPath(year, surveyId)}/nhap/${created.data.importId}`, true);
  };
  return (
    <main id="main" class="page narrow">
      <p>
        <a href={surveyPath(year, surveyId)}>← Về phiếu khảo sát</a>
      </p>
      <h1>Nhập tệp kết quả khảo sát</h1>
      <p>
        Tệp CSV (UTF-8) hoặc Excel (.xlsx), dòng đầu là tiêu đề: <code>respondentId,unitId,group,</code> rồi mã các câu hỏi. Mỗi ô là mã
        phương án trả lời; để trống nếu không trả lời.
      </p>
      <div class="drop">
        <input
          id="import-file"
          class="file-input"
          type="file"
          accept=".csv,.xlsx,text/csv"
          disabled={sent !== undefined}
          onChange={(e) => {
            const file = (e.currentTarget as HTMLInputElement).files?.[0];
            if (file) void start(file);
          }}
        />
        <label for="import-file" class="file-button">
          Chọn tệp để nhập
        </label>
        {sent !== undefined ? (
          <p class="progress-line">
            <progress max={1} value={sent} aria-label="Tiến độ tải tệp lên" /> Đang tải lên {fmtPercent(sent, 1)}
          </p>
        ) : null}
      </div>
      {message ? (
        <p class="error" role="alert">
          {message}
        </p>
      ) : null}
      {problem ? <ProblemBox problem={problem} /> : null}
    </main>
  );
}

function Progress({ report }: { report: ImportReport }) {
  const total = report.totalLines;
  const finished = report.status === 'done' || report.status === 'failed';
  const read = finished && total !== undefined ? total : Math.min(report.lines, total ?? report.lines);
  return (
    <div class="import-progress">
      {total === undefined ? (
        <p class="progress-line">
          <progress aria-label="Tiến độ đọc tệp" /> Đang đếm số dòng của tệp…
        </p>
      ) : (
        <p class="progress-line">
          <progress max={total} value={read} aria-label="Tiến độ đọc tệp" />
          <span>
            Đã đọc {fmtNumber(read)} / {fmtNumber(total)} dòng ({fmtPercent(read, total)})
          </span>
        </p>
      )}
      <dl class="facts">
        <dt>Phiếu hợp lệ</dt>
        <dd>{fmtNumber(report.accepted)}</dd>
        <dt>Trùng mã người trả lời</dt>
        <dd>{fmtNumber(report.duplicates)}</dd>
        <dt>Dòng bị từ chối</dt>
        <dd>{fmtNumber(report.rejectedCount)}</dd>
      </dl>
    </div>
  );
}

export function SurveyImportProgress() {
  const { params } = useRoute();
  const year = Number(params.year);
  const surveyId = params.surveyId as string;
  const importId = params.importId as string;
  const [loaded, reload] = useLoad(() => loadImport(year, surveyId, importId), [year, surveyId, importId]);
  const [busy, setBusy] = useState(false);
  const [rerunProblem, setRerunProblem] = useState<Problem | undefined>();
  const report = loaded.state === 'ready' ? loaded.value : undefined;
  const open = report && (report.status === 'pending' || report.status === 'running');
  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(reload, 1000);
    return () => clearTimeout(timer);
  }, [report]);
  if (loaded.state === 'error') return <ProblemPage problem={loaded.problem} year={year} surveyId={surveyId} />;
  if (!report)
    return (
      <main id="main" class="page">
        <p>Đang tải lượt nhập…</p>
      </main>
    );
  const rerun = async () => {
    setBusy(true);
    const res = await api().POST('/v1/cycles/{year}/surveys/{surveyId}/imports/{importId}/rerun', {
      params: { path: { year, surveyId, importId } },
      headers: { 'Idempotency-Key': idempotencyKey() },
    });
    setBusy(false);
    setRerunProblem(res.data ? undefined : (res.error as Problem));
    if (res.data) reload();
  };
  const download = async () => {
    setBusy(true);
    try {
      downloadText(`dong-bi-tu-choi-${importId}.csv`, await rejectedRowsCsv(year, surveyId, importId));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" class="page">
      <p>
        <a href={surveyPath(year, surveyId)}>← Về phiếu khảo sát</a>
      </p>
      <h1>Nhập tệp {report.fileName}</h1>
      <p role="status" aria-live="polite">
        <span class={`badge import-${report.status}`}>{statusNames[report.status]}</span> · bắt đầu {fmtDateTime(report.createdAt)}
        {report.finishedAt ? ` · xong ${fmtDateTime(report.finishedAt)}` : ''}
      </p>
      <Progress report={report} />
      {report.error ? (
        <div class="error" role="alert">
          <p>Tệp không được nhập; không dòng nào được giữ lại. Lý do: {report.error}</p>
          <p>
            Sau khi sửa phiếu khảo sát, có thể chạy lại đúng tệp đã tải lên:{' '}
            <button type="button" disabled={busy} onClick={() => void rerun()}>
              Chạy lại lượt nhập
            </button>
          </p>
          {rerunProblem ? <ProblemBox problem={rerunProblem} /> : null}
        </div>
      ) : null}
      {report.rejectedCount + report.duplicates > 0 ? (
        <section class="panel" aria-labelledby="rejected-h">
          <h2 id="rejected-h">Dòng không được tính</h2>
          <button type="button" class="primary" disabled={busy} onClick={() => void download()}>
            {busy ? 'Đang chuẩn bị tệp…' : 'Tải danh sách dòng bị từ chối (CSV)'}
          </button>
          <table class="cards">
            <thead>
              <tr>
                <th scope="col" class="num">
                  Dòng
                </th>
                <th scope="col">Mã người trả lời</th>
                <th scope="col">Lý do</th>
              </tr>
            </thead>
            <tbody>
              {[...report.rejected, ...report.duplicateRows]
                .sort((a, b) => a.line - b.line)
                .slice(0, 50)
                .map((r) => (
                  <tr key={r.line}>
                    <td data-label="Dòng" class="num">
                      {r.line}
                    </td>
                    <td data-label="Mã">{r.respondentId}</td>
                    <td data-label="Lý do">{reasonText(r.reason)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          {report.rejectedCount + report.duplicates > 50 ? <p class="muted">50 dòng đầu; tệp CSV có đủ mọi dòng.</p> : null}
        </section>
      ) : null}
    </main>
  );
}

function ProblemPage({ problem, year, surveyId }: { problem?: Problem; year: number; surveyId: string }) {
  return (
    <main id="main" class="page">
      <h1>Không mở được lượt nhập</h1>
      <ProblemBox problem={problem} />
      <p>
        <a href={surveyPath(year, surveyId)}>Về phiếu khảo sát</a>
      </p>
    </main>
  );
}
