/**
 * Approval (`/hoi-dong/phe-duyet?nam=`): the decision number and date, naming the draft read (its
 * computation time is what the API compares: a recomputed draft is refused), then the published
 * report files with their checksums. The files follow the approval within seconds (the report
 * function writes them): "Đang tạo báo cáo…" until then, the page asking again quietly. After a
 * reload the page reads the state from the API again.
 */
import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { api, idempotencyKey, type Schemas } from '../api/client';
import { PageLoading, PageProblem } from '../components/page-problem';
import { ProblemBox } from '../components/problem-box';
import { ReportFiles } from '../components/report-files';
import { loadCouncil, unitTypes, type CouncilData } from '../lib/council';
import { currentYear, fmtDateTime, unitTypeNames } from '../lib/format';
import type { Problem } from '../lib/problems';
import { currentSession } from '../lib/session';
import { must, useLoad } from '../lib/use-load';
import '../styles-council.css';

type Reports = Schemas['PublishedReports'];

const ownPublishedReports = async (year: number) =>
  ownReports(await must(api().GET('/v1/public/results/{year}/reports', { params: { path: { year } } })), currentSession()?.district);

async function loadApproval(year: number): Promise<{ data: CouncilData; reports?: Reports }> {
  const data = await loadCouncil(year);
  if (data.draft.status !== 'approved') return { data };
  return { data, reports: await ownPublishedReports(year) };
}

/** How often, and how many times, the page asks whether this council's report files are written. */
const pollMs = 2000;
const pollTimes = 90;

/** While this council's files are pending: asks again every `pollMs`, quietly (a failed ask is simply asked again). */
function usePendingReports(year: number, reports: Reports | undefined, update: (r: Reports) => void): boolean {
  const [asked, setAsked] = useState(0);
  const pending = reports?.reports === 'pending';
  useEffect(() => {
    if (!pending || asked >= pollTimes) return;
    const timer = setTimeout(() => {
      ownPublishedReports(year)
        .then(update, () => undefined)
        .finally(() => setAsked((n) => n + 1));
    }, pollMs);
    return () => clearTimeout(timer);
  }, [pending, asked, year]);
  return pending && asked >= pollTimes;
}

/** The year's reports hold every council's files: this council's decision and files only. */
function ownReports(all: Reports, district: string | undefined): Reports {
  const mine = (p: { council: string; district?: string } | undefined) =>
    district ? p?.district === district : !p || p.council === 'province';
  const own = all.councils?.find((c) => mine(c));
  return {
    ...all,
    decision: own?.decision ?? all.decision,
    approvedAt: own?.approvedAt ?? all.approvedAt,
    reports: own?.reports ?? all.reports,
    files: all.files.filter((f) => mine(f.publishedBy)),
  };
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const vnDate = (iso: string) => iso.split('-').reverse().join('/');

/** Units named by an APPRAISALS_OPEN refusal (`units["ID"]`). */
const openUnits = (p: Problem) =>
  (p.errors ?? []).map((e) => /units\["([^"]+)"\]/.exec(e.path)?.[1]).filter((x): x is string => Boolean(x));

function ApprovalForm({ data, onApproved }: { data: CouncilData; onApproved: (r: Reports) => void }) {
  const { draft } = data;
  const [number, setNumber] = useState('');
  const [date, setDate] = useState(today());
  const [read, setRead] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  // One key per attempt: a retry after a lost answer replays it; a refused attempt gets a fresh one.
  const [key, setKey] = useState(idempotencyKey());
  const decision = `Quyết định số ${number.trim()} ngày ${vnDate(date)}`;
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const { data: published, error } = await api().POST('/v1/cycles/{year}/results/approve', {
      params: { path: { year: draft.year } },
      headers: { 'Idempotency-Key': key },
      body: { decision, computedAt: draft.computedAt },
    });
    setBusy(false);
    if (published) onApproved(published);
    else {
      setProblem(error as Problem | undefined);
      if (error) setKey(idempotencyKey());
    }
  };
  const open = problem?.code === 'APPRAISALS_OPEN' ? openUnits(problem) : [];
  return (
    <form class="panel approve" onSubmit={(e) => void submit(e)}>
      <h2>Phê duyệt bản dự thảo</h2>
      <dl class="draft-read">
        <dt>Bản dự thảo được phê duyệt</dt>
        <dd>
          tính lúc <strong>{fmtDateTime(draft.computedAt)}</strong> bởi {draft.computedBy} (mã bản dự thảo <code>{draft.computedAt}</code>)
        </dd>
        <dt>Gồm</dt>
        <dd>
          {unitTypes
            .filter((t) => draft.results[t])
            .map((t) => `${draft.results[t]!.units.length} ${unitTypeNames[t]?.toLowerCase()}`)
            .join('; ')}
        </dd>
      </dl>
      {draft.notFinalized.length ? (
        <p class="notice">Còn {draft.notFinalized.length} đơn vị chưa kết thúc thẩm định: phê duyệt sẽ bị từ chối.</p>
      ) : null}
      <div class="fields">
        <div>
          <label for="a-number">Số quyết định</label>
          <input
            id="a-number"
            required
            minLength={1}
            maxLength={100}
            placeholder="vd. 125/QĐ-HĐTĐ"
            value={number}
            onInput={(e) => setNumber((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <div>
          <label for="a-date">Ngày quyết định</label>
          <input id="a-date" type="date" required value={date} onInput={(e) => setDate((e.currentTarget as HTMLInputElement).value)} />
        </div>
      </div>
      <label class="inline">
        <input type="checkbox" required checked={read} onChange={(e) => setRead((e.currentTarget as HTMLInputElement).checked)} />
        Hội đồng đã xem bản dự thảo tính lúc {fmtDateTime(draft.computedAt)}
      </label>
      <p class="muted">Sẽ ghi: “{decision}”. Sau khi phê duyệt, kết quả được công bố và không thể thay đổi.</p>
      {problem ? <ProblemBox problem={problem} brief={open.length > 0} /> : null}
      {open.length ? (
        <ul>
          {open.map((id) => (
            <li key={id}>{data.units.get(id)?.name ?? id}</li>
          ))}
        </ul>
      ) : null}
      {problem?.code === 'DRAFT_SUPERSEDED' || problem?.code === 'APPROVAL_IN_PROGRESS' ? (
        <p>
          <a href={`/hoi-dong?nam=${draft.year}`}>Đọc lại bản dự thảo mới nhất</a>
        </p>
      ) : null}
      <p class="actions">
        <button type="submit" class="primary" disabled={busy || !number.trim() || !read}>
          {busy ? 'Đang công bố…' : 'Phê duyệt và công bố'}
        </button>
      </p>
    </form>
  );
}

export function CouncilApproval() {
  const { query } = useLocation();
  const year = Number(query.nam ?? currentYear());
  const [loaded, , setLoaded] = useLoad(() => loadApproval(year), [year]);
  const value = loaded.state === 'ready' ? loaded.value : undefined;
  const late = usePendingReports(year, value?.reports, (r) => value && setLoaded({ ...value, reports: r }));
  if (loaded.state === 'loading') return <PageLoading />;
  if (loaded.state === 'error') return <PageProblem problem={loaded.problem} />;
  const { data, reports } = loaded.value;
  return (
    <main id="main" class="page narrow-wide">
      <p>
        <a href={`/hoi-dong?nam=${year}`}>← Kết quả dự thảo {year}</a>
      </p>
      <h1>Phê duyệt kết quả Chỉ số CCHC {year}</h1>
      <p>
        Phạm vi: <strong>{data.scope}</strong>
      </p>
      {reports ? (
        <>
          <p class="ok" role="status">
            Kết quả đã được phê duyệt và công bố.
          </p>
          {reports.reports === 'pending' ? (
            <p class="notice" role="status" aria-live="polite">
              {late
                ? 'Báo cáo chưa được tạo xong. Tải lại trang sau ít phút; nếu vẫn chưa có, báo quản trị viên.'
                : 'Đang tạo báo cáo… Các tệp báo cáo sẽ hiện tại đây sau ít giây.'}
            </p>
          ) : (
            <ReportFiles reports={reports} />
          )}
        </>
      ) : (
        <ApprovalForm
          data={data}
          onApproved={(r) => setLoaded({ data: { ...data, draft: { ...data.draft, status: 'approved' } }, reports: r })}
        />
      )}
    </main>
  );
}
