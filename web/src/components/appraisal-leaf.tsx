/** One leaf under appraisal: what the unit declared, its evidence, earlier rounds, and the appraised score with its reason. */
import { useState } from 'preact/hooks';
import { api, type AssessmentItem } from '../api/client';
import { dropDraft, readDraft, writeDraft } from '../lib/drafts';
import { fmtDateTime, fmtNumber } from '../lib/format';
import type { Problem } from '../lib/problems';
import { ruleText, scoreOptions, type Leaf } from '../lib/rules';
import { OpenEvidence } from './evidence-view';
import { ProblemBox } from './problem-box';

interface Form {
  score: string;
  reason: string;
}

export function AppraisalLeaf(props: {
  year: number;
  unitId: string;
  round: number;
  item: AssessmentItem;
  leaf: Leaf;
  editable: boolean;
  inScope: boolean;
  onSaved: (item: AssessmentItem, next: boolean) => void;
}) {
  const { item, leaf } = props;
  const draftId = `appraise:${props.year}:${props.unitId}:${item.code}`;
  const current = item.appraisals.find((a) => a.round === props.round);
  const [form, setForm] = useState<Form>(
    readDraft<Form>(draftId) ?? {
      score: String(current?.score ?? item.appraisedScore ?? item.selfScore ?? ''),
      reason: current?.reason ?? '',
    },
  );
  const [problem, setProblem] = useState<Problem | undefined>();
  const change = (patch: Partial<Form>) => {
    const next = { ...form, ...patch };
    setForm(next);
    writeDraft(draftId, next);
  };
  const differs = form.score !== '' && Number(form.score) !== item.selfScore;
  const reasonShort = differs && form.reason.trim().length < 10;
  const save = async (next: boolean) => {
    const { data, error } = await api().PUT('/v1/cycles/{year}/units/{unitId}/appraisal/items/{code}', {
      params: { path: { year: props.year, unitId: props.unitId, code: item.code } },
      body: {
        appraisedScore: Number(form.score),
        ...(form.reason.trim() ? { reason: form.reason.trim() } : {}),
        expectedVersion: item.version,
      },
    });
    if (data) {
      dropDraft(draftId);
      setProblem(undefined);
      props.onSaved(data, next);
    } else setProblem(error as Problem | undefined);
  };
  const id = (s: string) => `ap-${item.code}-${s}`;
  const explanation = item.explanations.length ? item.explanations[item.explanations.length - 1] : undefined;
  return (
    <section class="editor" aria-labelledby={id('title')}>
      <h2 id={id('title')}>
        {item.code}. {item.name}
      </h2>
      <p class="rule">
        <strong>Cách chấm:</strong> {ruleText(leaf)} Tối đa {fmtNumber(item.maxPoints)} điểm.
      </p>
      <div class="scores">
        <div>
          Tự chấm <strong>{fmtNumber(item.selfScore)}</strong>
        </div>
        <div>
          Số liệu{' '}
          <strong>
            {item.figure === null ? '—' : typeof item.figure === 'boolean' ? (item.figure ? 'Có' : 'Không') : fmtNumber(item.figure)}
          </strong>
        </div>
        <div>
          Gợi ý theo số liệu <strong>{fmtNumber(item.suggestedScore)}</strong>
        </div>
        <div>
          Thẩm định <strong>{fmtNumber(item.appraisedScore)}</strong>
        </div>
      </div>
      {item.mismatch ? <p class="mismatch">Điểm tự chấm khác điểm gợi ý theo số liệu đơn vị khai.</p> : null}
      {item.note ? (
        <p>
          <strong>Thuyết minh của đơn vị:</strong> {item.note}
        </p>
      ) : null}
      <h3>Tài liệu kiểm chứng</h3>
      {item.evidence.length === 0 ? (
        <p class="muted">{item.noEvidenceReason ? `Không có tài liệu: ${item.noEvidenceReason}` : 'Không có tài liệu.'}</p>
      ) : null}
      <ul class="links">
        {item.evidence.map((e) => (
          <li key={e.evidenceId}>
            <OpenEvidence year={props.year} unitId={props.unitId} evidenceId={e.evidenceId} name={e.fileName ?? 'Tài liệu'} preview />
            {e.page ? <span class="muted"> ({e.page})</span> : null}
          </li>
        ))}
      </ul>
      {explanation ? (
        <div class="notice">
          <strong>Giải trình vòng {explanation.round}:</strong> {explanation.text}
          {explanation.evidence.map((e) => (
            <span key={e.evidenceId}>
              {' '}
              <OpenEvidence year={props.year} unitId={props.unitId} evidenceId={e.evidenceId} name="Tài liệu bổ sung" preview />
            </span>
          ))}
        </div>
      ) : null}
      {item.appraisals.length ? (
        <details>
          <summary>Các vòng thẩm định ({item.appraisals.length})</summary>
          <ul>
            {item.appraisals.map((a, i) => (
              <li key={i}>
                Vòng {a.round}: {fmtNumber(a.score)} điểm — {a.reason ?? 'giữ điểm tự chấm'} ({a.by}, {fmtDateTime(a.at)})
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {props.editable && props.inScope ? (
        <form
          class="fields"
          onSubmit={(e) => {
            e.preventDefault();
            if (!reasonShort && form.score !== '') void save(true);
          }}
        >
          <div class="field">
            <label for={id('score')}>Điểm thẩm định (vòng {props.round})</label>
            <select id={id('score')} value={form.score} onChange={(e) => change({ score: (e.currentTarget as HTMLSelectElement).value })}>
              {scoreOptions(leaf).map((s) => (
                <option key={s} value={String(s)}>
                  {fmtNumber(s)}
                </option>
              ))}
            </select>
          </div>
          <div class="field wide">
            <label for={id('reason')}>Lý do {differs ? '(bắt buộc vì khác điểm tự chấm, ít nhất 10 ký tự)' : '(không bắt buộc)'}</label>
            <textarea
              id={id('reason')}
              rows={3}
              value={form.reason}
              aria-invalid={reasonShort}
              aria-describedby={reasonShort ? id('reason-hint') : undefined}
              onInput={(e) => change({ reason: (e.currentTarget as HTMLTextAreaElement).value })}
            />
            {reasonShort ? (
              <p id={id('reason-hint')} class="error">
                Cần ghi lý do khi điểm thẩm định khác điểm tự chấm.
              </p>
            ) : null}
          </div>
          <p class="actions field wide">
            <button type="submit" class="primary" disabled={reasonShort}>
              Lưu và sang tiêu chí tiếp
            </button>
            <button type="button" disabled={reasonShort} onClick={() => void save(false)}>
              Lưu
            </button>
          </p>
        </form>
      ) : (
        <p class="muted">
          {props.inScope ? 'Hồ sơ không ở trạng thái thẩm định.' : 'Tiêu chí này không thuộc lĩnh vực được phân công cho bạn.'}
        </p>
      )}
      {problem ? <ProblemBox problem={problem} /> : null}
    </section>
  );
}
