/**
 * Frameworks (`/quan-tri/bo-tieu-chi`): one framework as its tree (`?ma=ID`), and the import of the
 * province's annex (XLSX): the API reads it and answers the framework with the parse report;
 * nothing is stored until the admin saves (PUT with the version read). A framework a cycle uses is
 * frozen, and the admin may freeze one (POST .../freeze): the API then refuses to replace it.
 */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Framework } from '../../../../shared/schemas/files/framework.ts';
import { api, idempotencyKey, type Schemas } from '../../api/client';
import { ProblemBox } from '../../components/problem-box';
import { annexProblemMessage, ruleErrorMessage } from '../../lib/annex-report';
import { currentYear, fmtDateTime } from '../../lib/format';
import type { Problem } from '../../lib/problems';
import { must, useLoad } from '../../lib/use-load';
import { FrameworkTree } from './framework-tree';
import { AdminNav } from './nav';

const importAnnex = (fileName: string, contentBase64: string) =>
  must(api().POST('/v1/framework-imports', { body: { fileName, contentBase64 } }));
type Imported = Awaited<ReturnType<typeof importAnnex>>;
type FrameworkState = Schemas['FrameworkState'];

const base64Of = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

async function loadFramework(id: string) {
  const [{ data, error }, state] = await Promise.all([
    api().GET('/v1/frameworks/{frameworkId}', { params: { path: { frameworkId: id } } }),
    must(api().GET('/v1/frameworks/{frameworkId}/state', { params: { path: { frameworkId: id } } })),
  ]);
  if (!data) throw error;
  return { framework: data as unknown as Framework, state };
}

async function cycleFrameworks(): Promise<string[]> {
  const { data } = await api().GET('/v1/cycles/{year}', { params: { path: { year: currentYear() } } });
  return [...new Set(Object.values(data?.frameworks ?? {}))].filter((x): x is string => !!x);
}

function Freeze({ state, onFrozen }: { state: FrameworkState; onFrozen: (s: FrameworkState) => void }) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem | undefined>();
  if (state.frozenAt) return <p class="notice">Đã khóa lúc {fmtDateTime(state.frozenAt)}: không thể thay thế bộ tiêu chí này.</p>;
  const freeze = async () => {
    setProblem(undefined);
    try {
      onFrozen(
        await must(
          api().POST('/v1/frameworks/{frameworkId}/freeze', {
            params: { path: { frameworkId: state.frameworkId } },
            headers: { 'Idempotency-Key': idempotencyKey() },
            body: { expectedVersion: state.version, ...(reason ? { reason } : {}) },
          }),
        ),
      );
    } catch (error) {
      setProblem(error as Problem);
    }
  };
  return (
    <div class="actions">
      <label>
        Lý do khóa
        <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <button type="button" onClick={freeze}>
        Khóa bộ tiêu chí
      </button>
      {problem ? <ProblemBox problem={problem} /> : null}
    </div>
  );
}

function Viewer({ id }: { id: string }) {
  const [loaded, , setLoaded] = useLoad(() => loadFramework(id), [id]);
  if (loaded.state === 'loading') return <p>Đang tải bộ tiêu chí…</p>;
  if (loaded.state === 'error') return <ProblemBox problem={loaded.problem} />;
  const { framework, state } = loaded.value;
  return (
    <section class="panel" aria-labelledby="fw-h">
      <h2 id="fw-h">{framework.name}</h2>
      <p class="facts">
        <span>Phiên bản {state.version}</span>
        <span>{state.usedBy.length ? `Đang dùng cho kỳ ${state.usedBy.join(', ')} (đã khóa theo kỳ)` : 'Chưa kỳ nào sử dụng'}</span>
      </p>
      <Freeze state={state} onFrozen={(s) => setLoaded({ framework, state: s })} />
      <FrameworkTree framework={framework} />
    </section>
  );
}

function Report({ result }: { result: Imported }) {
  const { report } = result;
  return (
    <div class={report.problems.length || report.errors.length ? 'error' : 'notice'} role="status">
      <p>
        Tệp <strong>{result.fileName}</strong>: {report.rows} dòng đã đọc
        {result.framework ? `, ${report.leaves} tiêu chí chấm điểm.` : ': chưa đọc được bộ tiêu chí.'}
      </p>
      {report.problems.length ? (
        <ul aria-label="Các dòng không đọc được">
          {report.problems.map((p, i) => (
            <li key={i}>
              Dòng {p.row}: {annexProblemMessage(p)}
            </li>
          ))}
        </ul>
      ) : null}
      {report.errors.length ? (
        <ul aria-label="Các quy tắc bị vi phạm">
          {report.errors.map((e, i) => (
            <li key={i}>
              {ruleErrorMessage(e)} <code class="raw">{e.path}</code>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Importer({ onSaved }: { onSaved: (id: string) => void }) {
  const [result, setResult] = useState<Imported | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState('');
  const read = async (file: File | undefined) => {
    if (!file) return;
    setProblem(undefined);
    setResult(undefined);
    setBusy('Đang đọc tệp phụ lục…');
    try {
      const contentBase64 = await base64Of(file);
      setResult(await importAnnex(file.name, contentBase64));
    } catch (error) {
      setProblem(error as Problem);
    }
    setBusy('');
  };
  const save = async () => {
    const fw = result?.framework;
    if (!fw) return;
    setProblem(undefined);
    setBusy('Đang lưu…');
    try {
      await must(
        api().PUT('/v1/frameworks/{frameworkId}', {
          params: { path: { frameworkId: fw.id } },
          headers: { 'Idempotency-Key': idempotencyKey() },
          body: { ...fw, ...(result.existing ? { expectedVersion: result.existing.version } : {}) },
        }),
      );
      onSaved(fw.id);
    } catch (error) {
      setProblem(error as Problem);
    }
    setBusy('');
  };
  const usedBy = result?.existing?.usedBy.length ? result.existing.usedBy : undefined;
  const frozen = usedBy || result?.existing?.frozenAt;
  return (
    <section class="panel" aria-labelledby="import-h">
      <h2 id="import-h">Nhập bộ tiêu chí từ phụ lục (XLSX)</h2>
      <label>
        Tệp phụ lục bộ chỉ số
        <input
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => read(e.currentTarget.files?.[0])}
        />
      </label>
      {busy ? <p role="status">{busy}</p> : null}
      {problem ? <ProblemBox problem={problem} /> : null}
      {result ? <Report result={result} /> : null}
      {result?.framework ? (
        <>
          <h3>Xem trước: {result.framework.name}</h3>
          <p>
            {result.existing
              ? usedBy
                ? `Bộ tiêu chí này đã được kỳ ${usedBy.join(', ')} sử dụng nên đã khóa: không thể thay thế.`
                : result.existing.frozenAt
                  ? 'Bộ tiêu chí này đã được khóa: không thể thay thế.'
                  : `Lưu sẽ thay thế phiên bản ${result.existing.version} đang có.`
              : 'Bộ tiêu chí mới: chưa có trong hệ thống.'}
          </p>
          <p>
            <button type="button" class="primary" disabled={!!frozen || !!busy} onClick={save}>
              Lưu bộ tiêu chí
            </button>
          </p>
          <FrameworkTree framework={result.framework as unknown as Framework} />
        </>
      ) : null}
    </section>
  );
}

export function FrameworksAdmin() {
  const { query, route } = useLocation();
  const id = query.ma;
  const [known] = useLoad(cycleFrameworks, []);
  const [typed, setTyped] = useState(id ?? '');
  const open = (next: string) => route(`/quan-tri/bo-tieu-chi?ma=${encodeURIComponent(next)}`);
  return (
    <main id="main" class="page wide admin">
      <AdminNav year={currentYear()} />
      <h1>Bộ tiêu chí</h1>
      <form
        class="actions"
        onSubmit={(e) => {
          e.preventDefault();
          if (typed.trim()) open(typed.trim());
        }}
      >
        <label>
          Mã bộ tiêu chí
          <input value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
        </label>
        <button type="submit">Xem</button>
        {known.state === 'ready'
          ? known.value.map((k) => (
              <a key={k} href={`/quan-tri/bo-tieu-chi?ma=${k}`}>
                {k}
              </a>
            ))
          : null}
      </form>
      {id ? <Viewer id={id} /> : null}
      <Importer onSaved={open} />
    </main>
  );
}
