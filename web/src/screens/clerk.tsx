/** The clerk's self-assessment: tree with progress, the leaf editor, deadline, submit, explanation round. */
import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { api, idempotencyKey, type AssessmentItem } from '../api/client';
import { LeafTree } from '../components/tree';
import { LeafEditor } from '../components/leaf-editor';
import { ProblemBox } from '../components/problem-box';
import { ExplanationForm, needsExplanation } from '../components/explanation';
import { LinkElsewhere } from '../components/link-elsewhere';
import { documentsOf, loadAssessment, missingItems, replaceItem, type Doc } from '../lib/assessment-data';
import { currentYear, fmtDateTime, fmtNumber, remaining, stateNames } from '../lib/format';
import { frameworkTree } from '../lib/framework-tree';
import type { Problem } from '../lib/problems';
import { currentSession, hasRole } from '../lib/session';
import { useLoad } from '../lib/use-load';
import { PageProblem } from '../components/page-problem';
import { MinistryComparison, MinistryExports, ProvinceLink, ReadOnlyNote } from '../components/province';

export function ClerkScreen() {
  const { params, query } = useRoute();
  const unitId = params.unitId!;
  const year = Number(query.nam ?? currentYear());
  const [loaded, reload, setData] = useLoad(() => loadAssessment(year, unitId), [year, unitId]);
  const [submitProblem, setSubmitProblem] = useState<Problem | undefined>();
  const [linking, setLinking] = useState<Doc | undefined>();
  const [message, setMessage] = useState('');
  if (loaded.state === 'loading')
    return (
      <main id="main" class="page">
        <p>Đang tải hồ sơ…</p>
      </main>
    );
  if (loaded.state === 'error') return <PageProblem problem={loaded.problem} />;
  const data = loaded.value;
  const a = data.assessment;
  const items = new Map(a.items.map((i) => [i.code, i]));
  const tree = frameworkTree(data.framework, items.keys());
  const selfItems = a.items.filter((i) => i.method === 'self');
  const selected = items.get(query.muc ?? '') ?? selfItems[0];
  const returned = a.state === 'returned';
  const editable = a.state === 'draft' || returned;
  // The province's assessment: a department writes only the leaves of its areas; Sở Nội vụ all, and submits.
  const collab = a.collaboration;
  const mayWrite = (code: string) => !collab || collab.writableCodes.includes(code);
  const maySubmit = !collab || collab.coordinator;
  const docs = documentsOf(a.items);
  // From the items, so a save shows at once (the loaded totals are the page's first read).
  const selfTotal = selfItems.reduce((sum, i) => sum + (i.selfScore ?? 0), 0);
  const scored = selfItems.filter((i) => i.selfScore !== null).length;
  const missing = missingItems(a.items);
  const deadline = returned ? data.deadlines.explanation : a.deadline;
  const href = (code: string) => `/don-vi/${unitId}?muc=${encodeURIComponent(code)}${query.nam ? `&nam=${year}` : ''}`;
  const onSaved = (item: AssessmentItem) => setData(replaceItem(data, item));
  const mark = (i: AssessmentItem) =>
    returned && needsExplanation(i)
      ? { done: i.explanations.some((x) => x.round === a.round), flag: 'cần giải trình' }
      : { done: i.selfScore !== null && !missing.some((m) => m.code === i.code), flag: i.mismatch ? 'lệch gợi ý' : undefined };

  const submit = async () => {
    setSubmitProblem(undefined);
    const path = { params: { path: { year, unitId } }, headers: { 'Idempotency-Key': idempotencyKey() } };
    const { data: done, error } = returned
      ? await api().POST('/v1/cycles/{year}/units/{unitId}/explanations/submit', path)
      : await api().POST('/v1/cycles/{year}/units/{unitId}/assessment/submit', path);
    if (done) {
      setMessage(returned ? 'Đã nộp giải trình.' : 'Đã nộp hồ sơ tự đánh giá.');
      reload();
    } else setSubmitProblem(error as Problem | undefined);
  };

  return (
    <main id="main" class="page wide">
      <header class="page-head">
        <h1>
          Tự đánh giá {year}: {a.unitName}
        </h1>
        <p class="facts">
          <span class={`badge ${a.state}`}>{stateNames[a.state]}</span>
          <span>
            Hạn {returned ? 'giải trình' : 'nộp'}: <strong>{fmtDateTime(deadline ?? a.deadline)}</strong> (
            {remaining(deadline ?? a.deadline)})
          </span>
          <span>
            Tự chấm: <strong>{fmtNumber(selfTotal)}</strong>/{fmtNumber(a.totals.selfMax)} điểm · đã chấm {scored}/{selfItems.length}
          </span>
          <a href={`/don-vi/${unitId}/lich-su${query.nam ? `?nam=${year}` : ''}`}>Lịch sử thay đổi</a>
          <ProvinceLink year={year} unitType={a.unitType} />
        </p>
        {returned && a.lastReturn ? (
          <div class="notice" role="note">
            <strong>Yêu cầu giải trình ({fmtDateTime(a.lastReturn.at)}):</strong> {a.lastReturn.message}
          </div>
        ) : null}
        {message ? (
          <p class="ok" role="status">
            {message}
          </p>
        ) : null}
      </header>
      <div class="work">
        <LeafTree tree={tree} items={items} mark={mark} selected={selected?.code} hrefOf={href} />
        <div class="detail">
          <a class="to-tree" href="#bo-tieu-chi">
            Đến danh sách tiêu chí
          </a>
          {selected && data.leaves.get(selected.code) ? (
            selected.method === 'self' || (collab && mayWrite(selected.code)) ? (
              <>
                {collab && !mayWrite(selected.code) ? <ReadOnlyNote collab={collab} code={selected.code} survey={false} /> : null}
                <LeafEditor
                  key={`${selected.code}:${a.state}:${mayWrite(selected.code)}`}
                  year={year}
                  unitId={unitId}
                  item={selected}
                  leaf={data.leaves.get(selected.code)!}
                  docs={docs}
                  editable={editable && mayWrite(selected.code)}
                  readOnlyReason={mayWrite(selected.code) ? undefined : 'Chỉ xem: tiêu chí thuộc lĩnh vực của cơ quan khác.'}
                  onSaved={onSaved}
                  onLinkElsewhere={setLinking}
                />
              </>
            ) : collab ? (
              <section class="editor">
                <h2>
                  {selected.code}. {selected.name}
                </h2>
                <ReadOnlyNote collab={collab} code={selected.code} survey />
              </section>
            ) : (
              <section class="editor">
                <h2>
                  {selected.code}. {selected.name}
                </h2>
                <p>Tiêu chí này được chấm bằng kết quả khảo sát xã hội học, đơn vị không tự chấm.</p>
              </section>
            )
          ) : null}
          {returned && selected && needsExplanation(selected) ? (
            <ExplanationForm
              key={`x-${selected.code}`}
              year={year}
              unitId={unitId}
              round={a.round}
              item={selected}
              docs={docs}
              onSaved={onSaved}
            />
          ) : null}
          {linking ? (
            <LinkElsewhere
              year={year}
              unitId={unitId}
              doc={linking}
              items={selfItems}
              leaves={data.leaves}
              onDone={(updated) => {
                let next = data;
                for (const i of updated) next = replaceItem(next, i);
                setData(next);
                setLinking(undefined);
              }}
            />
          ) : null}
          {collab && collab.coordinator ? <MinistryExports year={year} unitId={unitId} /> : null}
          {collab ? (
            <MinistryComparison
              year={year}
              unitId={unitId}
              mayRecord={(collab.coordinator || hasRole(currentSession(), 'admin')) && (a.state === 'submitted' || a.state === 'appraised')}
            />
          ) : null}
          {editable && !maySubmit ? (
            <p class="notice" role="note">
              Sở Nội vụ ({collab?.coordinators.join(', ')}) tổng hợp và nộp hồ sơ của tỉnh.
            </p>
          ) : null}
          {editable && maySubmit ? (
            <section class="submit" aria-labelledby="submit-title">
              <h2 id="submit-title">{returned ? 'Nộp giải trình' : 'Nộp hồ sơ'}</h2>
              {!returned && missing.length ? (
                <details class="missing-list" open={!!submitProblem}>
                  <summary>Còn {missing.length} tiêu chí chưa đủ (xem danh sách)</summary>
                  <ul class="missing">
                    {missing.map((m) => (
                      <li key={m.code}>
                        <a href={href(m.code)}>
                          {m.code} {items.get(m.code)?.name}
                        </a>{' '}
                        — {m.what}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
              <button type="button" class="primary" onClick={() => void submit()}>
                {returned ? 'Nộp giải trình' : 'Nộp hồ sơ tự đánh giá'}
              </button>
              {submitProblem ? (
                <ProblemBox problem={submitProblem} hrefOf={href} brief={submitProblem.code === 'ASSESSMENT_INCOMPLETE'} />
              ) : null}
            </section>
          ) : null}
        </div>
      </div>
    </main>
  );
}
