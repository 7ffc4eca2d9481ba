/**
 * The administrator's unit registry ("Danh mục đơn vị"): units with their parents, filtered by
 * type and searched without diacritics, in Vietnamese order; a bulk import (CSV or XLSX) that is
 * always tried first (dry run, the report as tables with line numbers) and applied on "Áp dụng".
 */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, idempotencyKey, type Schemas } from '../api/client';
import { PageProblem } from '../components/page-problem';
import { ProblemBox } from '../components/problem-box';
import { collator, fold, unitTypeNames } from '../lib/format';
import type { Problem } from '../lib/problems';
import { must, useLoad } from '../lib/use-load';
import '../styles-registry.css';

type Unit = Schemas['Unit'];
type Report = Schemas['RegistryImportReport'];

const actionNames: Record<string, string> = {
  create: 'Thêm mới',
  update: 'Cập nhật',
  retire: 'Giải thể',
  merge: 'Sáp nhập',
  unchanged: 'Không đổi',
};
const fieldNames: Record<string, string> = {
  id: 'Mã đơn vị',
  type: 'Loại',
  name: 'Tên',
  parent: 'Đơn vị cấp trên',
  adminCode: 'Mã hành chính',
  validFrom: 'Từ năm',
  validTo: 'Đến năm',
  successor: 'Sáp nhập vào',
  file: 'Tệp',
};

function statusText(u: Pick<Unit, 'status' | 'validTo' | 'successorId'>, names: Map<string, string>): string {
  if (u.status === 'merged') return `Sáp nhập vào ${names.get(u.successorId ?? '') ?? u.successorId} (từ sau năm ${u.validTo})`;
  if (u.status === 'retired') return `Hoạt động đến năm ${u.validTo}`;
  return 'Đang hoạt động';
}

async function fileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function describeUnit(u: Report['changes'][number]['after'] | undefined): string {
  if (!u) return '—';
  const parts = [u.name, u.parentId ? `thuộc ${u.parentId}` : '', u.adminCode ? `mã ${u.adminCode}` : ''];
  if (u.validTo) parts.push(u.successorId ? `sáp nhập vào ${u.successorId} sau năm ${u.validTo}` : `đến năm ${u.validTo}`);
  return parts.filter(Boolean).join(', ');
}

function ReportView({ report }: { report: Report }) {
  const s = report.summary;
  return (
    <section aria-labelledby="report-title">
      <h3 id="report-title">{report.dryRun ? 'Kết quả kiểm tra (chưa ghi)' : 'Đã áp dụng'}</h3>
      <p role="status">
        {s.rows} dòng: thêm mới {s.create}, cập nhật {s.update}, giải thể {s.retire}, sáp nhập {s.merge}, không đổi {s.unchanged}
        {report.problems.length ? `; ${report.problems.length} lỗi` : ''}.
      </p>
      {report.problems.length ? (
        <table class="cards problems">
          <caption>Lỗi cần sửa trong tệp</caption>
          <thead>
            <tr>
              <th scope="col">Dòng</th>
              <th scope="col">Cột</th>
              <th scope="col">Lỗi</th>
            </tr>
          </thead>
          <tbody>
            {report.problems.map((p, i) => (
              <tr key={i}>
                <td data-label="Dòng">{p.line}</td>
                <td data-label="Cột">{fieldNames[p.field] ?? p.field}</td>
                <td data-label="Lỗi">{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {report.changes.length ? (
        <table class="cards changes">
          <caption>Thay đổi</caption>
          <thead>
            <tr>
              <th scope="col">Dòng</th>
              <th scope="col">Mã đơn vị</th>
              <th scope="col">Thay đổi</th>
              <th scope="col">Trước</th>
              <th scope="col">Sau</th>
            </tr>
          </thead>
          <tbody>
            {report.changes.map((c) => (
              <tr key={c.line}>
                <td data-label="Dòng">{c.line}</td>
                <td data-label="Mã đơn vị">{c.unitId}</td>
                <td data-label="Thay đổi">{actionNames[c.action] ?? c.action}</td>
                <td data-label="Trước">{describeUnit(c.before)}</td>
                <td data-label="Sau">{describeUnit(c.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function ImportPanel({ onApplied }: { onApplied: () => void }) {
  const [file, setFile] = useState<File | undefined>();
  const [report, setReport] = useState<Report | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setProblem(undefined);
    const body = { fileName: file.name, contentBase64: await fileBase64(file), dryRun };
    const { data, error } = await api().POST('/v1/registry/imports', { body, headers: { 'Idempotency-Key': idempotencyKey() } });
    setBusy(false);
    if (!data) return setProblem(error as Problem);
    setReport(data);
    if (!dryRun) onApplied();
  };
  const ready = report?.dryRun && report.problems.length === 0 && report.changes.length > 0;
  return (
    <section class="panel registry-import" aria-labelledby="import-title">
      <h2 id="import-title">Nhập danh mục từ tệp</h2>
      <p class="muted">
        Tệp CSV (UTF-8) hoặc XLSX, dòng đầu là tiêu đề: id, type, name, parent, adminCode, validFrom, validTo, successor. Đơn vị không có
        trong tệp giữ nguyên.
      </p>
      <label for="registry-file">Chọn tệp danh mục</label>
      <input
        id="registry-file"
        type="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(e) => {
          setFile((e.currentTarget as HTMLInputElement).files?.[0]);
          setReport(undefined);
        }}
      />
      <div class="actions">
        <button type="button" disabled={!file || busy} onClick={() => send(true)}>
          Kiểm tra tệp
        </button>
        <button type="button" class="primary" disabled={!ready || busy} onClick={() => send(false)}>
          Áp dụng
        </button>
      </div>
      {busy ? <p role="status">Đang xử lý…</p> : null}
      {problem ? <ProblemBox problem={problem} /> : null}
      {report ? <ReportView report={report} /> : null}
    </section>
  );
}

export function RegistryScreen() {
  const { query, route, path } = useLocation();
  const [loaded, reload] = useLoad(() => must(api().GET('/v1/units', {})), []);
  if (loaded.state === 'loading')
    return (
      <main id="main" class="page">
        <p>Đang tải danh mục…</p>
      </main>
    );
  if (loaded.state === 'error') return <PageProblem problem={loaded.problem} />;
  const units = loaded.value.units;
  const names = new Map(units.map((u) => [u.id, u.name]));
  const set = (patch: Record<string, string>) => {
    const next = new URLSearchParams({ ...query, ...patch });
    for (const [k, v] of [...next.entries()]) if (!v) next.delete(k);
    route(`${path}${next.size ? `?${next}` : ''}`, true);
  };
  const needle = fold(query.tim ?? '');
  const shown = units
    .filter((u) => !query.loai || u.type === query.loai)
    .filter((u) => !needle || fold(u.name).includes(needle) || fold(u.id).includes(needle))
    .sort((a, b) => collator.compare(a.name, b.name));
  return (
    <main id="main" class="page">
      <h1>Danh mục đơn vị</h1>
      <ImportPanel onApplied={reload} />
      <form class="filters panel" role="search" onSubmit={(e) => e.preventDefault()}>
        <div class="search">
          <label for="u-search">Tìm theo tên hoặc mã</label>
          <input
            id="u-search"
            type="search"
            value={query.tim ?? ''}
            onInput={(e) => set({ tim: (e.currentTarget as HTMLInputElement).value })}
          />
        </div>
        <div>
          <label for="u-type">Loại đơn vị</label>
          <select id="u-type" value={query.loai ?? ''} onChange={(e) => set({ loai: (e.currentTarget as HTMLSelectElement).value })}>
            <option value="">Tất cả</option>
            {Object.entries(unitTypeNames).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </div>
      </form>
      <p role="status">
        {shown.length} / {units.length} đơn vị
      </p>
      <table class="cards units">
        <thead>
          <tr>
            <th scope="col">Đơn vị</th>
            <th scope="col">Loại</th>
            <th scope="col">Đơn vị cấp trên</th>
            <th scope="col">Mã hành chính</th>
            <th scope="col">Tình trạng</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((u) => (
            <tr key={u.id} data-unit={u.id}>
              <td data-label="Đơn vị">
                {u.name} <span class="muted">({u.id})</span>
              </td>
              <td data-label="Loại">{unitTypeNames[u.type] ?? u.type}</td>
              <td data-label="Cấp trên">{u.parentId ? (names.get(u.parentId) ?? u.parentId) : '—'}</td>
              <td data-label="Mã hành chính">{u.adminCode ?? '—'}</td>
              <td data-label="Tình trạng">{statusText(u, names)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
