/** The appraisal of one unit: the tree, the leaf under appraisal (j/k or arrows move), and the actions. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import type { AssessmentItem } from '../api/client';
import { AppraisalActions } from '../components/appraisal-actions';
import { AppraisalLeaf } from '../components/appraisal-leaf';
import { PageProblem } from '../components/page-problem';
import { LeafTree } from '../components/tree';
import { loadAssessment, replaceItem } from '../lib/assessment-data';
import { currentYear, fmtDateTime, fmtNumber, stateNames } from '../lib/format';
import { frameworkTree } from '../lib/framework-tree';
import { currentSession, type Session } from '../lib/session';
import { useLoad } from '../lib/use-load';

/** For display only (the API decides, shared/domain/appraisal.ts): the token's areas cover the code. */
function covers(session: Session | undefined, code: string): boolean {
  const areas = (session?.areas ?? '').split(',').map((a) => a.trim());
  return areas.some((a) => a === '*' || code === a || code.startsWith(`${a}.`));
}

export function AppraisalScreen() {
  const { params, query } = useRoute();
  const { route } = useLocation();
  const unitId = params.unitId!;
  const year = Number(query.nam ?? currentYear());
  const [loaded, reload, setData] = useLoad(() => loadAssessment(year, unitId), [year, unitId]);
  const [message, setMessage] = useState('');
  const session = currentSession();
  const data = loaded.state === 'ready' ? loaded.value : undefined;
  const selfItems = data ? data.assessment.items.filter((i) => i.method === 'self') : [];
  const selected = selfItems.find((i) => i.code === query.muc) ?? selfItems[0];
  const href = (code: string) => `/tham-dinh/${unitId}?muc=${encodeURIComponent(code)}${query.nam ? `&nam=${year}` : ''}`;
  const codes = useRef<string[]>([]);
  codes.current = selfItems.map((i) => i.code);
  // Reads the leaf from the address, not from the last render: two quick key presses stay in step.
  const move = (step: number) => {
    const list = codes.current;
    const current = new URLSearchParams(window.location.search).get('muc') ?? list[0];
    const i = Math.max(0, list.indexOf(current ?? ''));
    const next = list[Math.min(list.length - 1, Math.max(0, i + step))];
    if (next && next !== current) route(href(next));
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (e.altKey || e.ctrlKey || e.metaKey || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
      const step = e.key === 'j' || e.key === 'ArrowDown' ? 1 : e.key === 'k' || e.key === 'ArrowUp' ? -1 : 0;
      if (step === 0) return;
      e.preventDefault();
      move(step);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });
  if (loaded.state === 'loading')
    return (
      <main id="main" class="page">
        <p>Đang tải hồ sơ…</p>
      </main>
    );
  if (loaded.state === 'error' || !data) return <PageProblem problem={loaded.state === 'error' ? loaded.problem : undefined} />;
  const a = data.assessment;
  const items = new Map(a.items.map((i) => [i.code, i]));
  const editable = a.state === 'submitted' || a.state === 'explained';
  const doneThisRound = (i: AssessmentItem) => i.appraisals.some((x) => x.round === a.round);
  const open = selfItems.filter((i) => covers(session, i.code) && !doneThisRound(i)).map((i) => i.code);
  const mark = (i: AssessmentItem) => ({
    done: doneThisRound(i),
    flag: i.appraisedScore !== null && i.appraisedScore !== i.selfScore ? 'điều chỉnh' : i.mismatch ? 'lệch gợi ý' : undefined,
  });
  return (
    <main id="main" class="page wide">
      <header class="page-head">
        <p>
          <a href="/tham-dinh">← Danh sách hồ sơ</a>
        </p>
        <h1>
          Thẩm định {year}: {a.unitName}
        </h1>
        <p class="facts">
          <span class={`badge ${a.state}`}>{stateNames[a.state]}</span>
          <span>Vòng {a.round}</span>
          <span>
            Tự chấm: <strong>{fmtNumber(a.totals.selfTotal)}</strong>/{fmtNumber(a.totals.selfMax)} điểm
          </span>
          {a.submittedAt ? <span>Nộp lúc {fmtDateTime(a.submittedAt)}</span> : null}
          <span class="keys">
            Phím <kbd>j</kbd>/<kbd>k</kbd> hoặc <kbd>↓</kbd>/<kbd>↑</kbd>: sang tiêu chí sau/trước
          </span>
        </p>
        {/* The request for explanation matters while that round is open; once appraised it is history. */}
        {a.lastReturn && (a.state === 'returned' || a.state === 'explained') ? (
          <p class="notice">
            Đã yêu cầu giải trình ({fmtDateTime(a.lastReturn.at)}): {a.lastReturn.message}
          </p>
        ) : null}
        {message ? (
          <p class="ok" role="status">
            {message}
          </p>
        ) : null}
      </header>
      <div class="work">
        <LeafTree tree={frameworkTree(data.framework, items.keys())} items={items} mark={mark} selected={selected?.code} hrefOf={href} />
        <div class="detail">
          <a class="to-tree" href="#bo-tieu-chi">
            Đến danh sách tiêu chí
          </a>
          {selected && data.leaves.get(selected.code) ? (
            <AppraisalLeaf
              key={`${selected.code}:${a.round}:${a.state}`}
              year={year}
              unitId={unitId}
              round={a.round}
              item={selected}
              leaf={data.leaves.get(selected.code)!}
              editable={editable}
              inScope={covers(session, selected.code)}
              onSaved={(item, next) => {
                setData(replaceItem(data, item));
                if (next) move(1);
              }}
            />
          ) : null}
          {editable ? (
            <AppraisalActions
              year={year}
              unitId={unitId}
              assessment={a}
              open={open}
              lead={(session?.areas ?? '') === '*'}
              hrefOf={href}
              onChanged={(m) => {
                setMessage(m);
                reload();
              }}
            />
          ) : null}
        </div>
      </div>
    </main>
  );
}
