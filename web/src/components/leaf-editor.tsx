/**
 * One leaf of the self-assessment: rule, figure with the suggested score, score, note, evidence.
 * Autosaves (debounced) with the item's version: a 409 shows the stored version next to the
 * clerk's so they choose. Typed text lives in a sessionStorage draft until the save succeeds.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type AssessmentItem } from '../api/client';
import { dropDraft, readDraft, writeDraft } from '../lib/drafts';
import { fmtNumber } from '../lib/format';
import type { Problem } from '../lib/problems';
import { ruleText, scoreOptions, suggestedScore, type Leaf } from '../lib/rules';
import type { Doc } from '../lib/assessment-data';
import { figureValue, formOf, selfBody, type SelfForm } from '../lib/self-form';
import { Conflict } from './conflict';
import { EvidenceLinks } from './evidence-links';
import { ProblemBox } from './problem-box';

type Status = 'saved' | 'dirty' | 'saving' | 'error' | 'conflict' | 'needs-score';
const statusText: Record<Status, string> = {
  saved: 'Đã lưu',
  dirty: 'Chưa lưu…',
  saving: 'Đang lưu…',
  error: 'Chưa lưu được',
  conflict: 'Có thay đổi khác',
  'needs-score': 'Chọn điểm để lưu',
};

export function LeafEditor(props: {
  year: number;
  unitId: string;
  item: AssessmentItem;
  leaf: Leaf;
  docs: Doc[];
  editable: boolean;
  /** Why the leaf is read-only when the state is not the reason (another department's area). */
  readOnlyReason?: string;
  onSaved: (item: AssessmentItem) => void;
  onLinkElsewhere: (doc: Doc) => void;
}) {
  const { item, leaf } = props;
  const draftId = `self:${props.year}:${props.unitId}:${item.code}`;
  const initialDraft = readDraft<SelfForm>(draftId);
  const [form, setForm] = useState<SelfForm>(initialDraft ?? formOf(item));
  const [status, setStatus] = useState<Status>(initialDraft ? 'dirty' : 'saved');
  const [problem, setProblem] = useState<Problem | undefined>();
  const [conflict, setConflict] = useState<AssessmentItem | null>(null);
  const version = useRef(item.version);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const save = async (f: SelfForm, expected = version.current) => {
    if (f.selfScore === null) return setStatus('needs-score');
    setStatus('saving');
    const { data, error } = await api().PUT('/v1/cycles/{year}/units/{unitId}/assessment/items/{code}', {
      params: { path: { year: props.year, unitId: props.unitId, code: item.code } },
      body: selfBody(leaf, f, expected),
    });
    if (data) {
      version.current = data.version;
      dropDraft(draftId);
      setProblem(undefined);
      setStatus('saved');
      props.onSaved(data);
      return;
    }
    const p = error as (Problem & { current?: AssessmentItem | null }) | undefined;
    if (p?.code === 'VERSION_CONFLICT') {
      setConflict(p.current ?? null);
      setStatus('conflict');
    } else {
      setProblem(p);
      setStatus('error');
    }
  };
  // A draft restored after a sign-in is saved as soon as the editor opens again.
  useEffect(() => {
    if (initialDraft && props.editable) void save(initialDraft);
    return () => clearTimeout(timer.current);
  }, []);

  const change = (patch: Partial<SelfForm>, now = false) => {
    const next = { ...form, ...patch };
    setForm(next);
    writeDraft(draftId, next);
    setStatus('dirty');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(next), now ? 0 : 900);
  };

  const figure = figureValue(leaf, form.figure);
  const suggested = figure === undefined ? undefined : suggestedScore(leaf, figure);
  const mismatch = suggested !== undefined && form.selfScore !== null && suggested !== form.selfScore;
  const id = (s: string) => `leaf-${item.code}-${s}`;
  const disabled = !props.editable;

  return (
    <section class="editor" aria-labelledby={id('title')}>
      <h2 id={id('title')}>
        {item.code}. {item.name}
      </h2>
      <p class="rule">
        <strong>Cách chấm:</strong> {ruleText(leaf)} Tối đa {fmtNumber(item.maxPoints)} điểm.
        {item.evidenceRequired ? ' Bắt buộc có tài liệu kiểm chứng.' : ''}
      </p>
      {conflict !== null || status === 'conflict' ? (
        <Conflict
          mine={form}
          theirs={conflict}
          onKeepMine={() => {
            setConflict(null);
            void save(form, conflict?.version ?? 0);
          }}
          onTakeTheirs={() => {
            if (conflict) {
              version.current = conflict.version;
              setForm(formOf(conflict));
              props.onSaved(conflict);
            }
            dropDraft(draftId);
            setConflict(null);
            setStatus('saved');
          }}
        />
      ) : null}
      <div class="fields">
        {leaf.rule?.kind === 'tiers' ? (
          <div class="field">
            <label for={id('figure')}>{leaf.rule.figure}</label>
            <input
              id={id('figure')}
              inputMode="decimal"
              value={form.figure}
              disabled={disabled}
              onInput={(e) => change({ figure: (e.currentTarget as HTMLInputElement).value })}
            />
          </div>
        ) : leaf.rule?.kind === 'boolean' ? (
          <fieldset class="field">
            <legend>{leaf.rule.figure ?? 'Đã thực hiện?'}</legend>
            {(['true', 'false'] as const).map((v) => (
              <label key={v} class="inline">
                <input
                  type="radio"
                  name={id('figure')}
                  value={v}
                  checked={form.figure === v}
                  disabled={disabled}
                  onChange={() => change({ figure: v }, true)}
                />
                {v === 'true' ? 'Có' : 'Không'}
              </label>
            ))}
          </fieldset>
        ) : null}
        {suggested !== undefined ? (
          <p class={mismatch ? 'mismatch' : 'suggested'} role="status">
            Điểm gợi ý theo số liệu: <strong>{fmtNumber(suggested)}</strong>
            {mismatch ? ` — khác điểm tự chấm (${fmtNumber(form.selfScore)}): hãy kiểm tra lại hoặc ghi rõ lý do.` : ''}
          </p>
        ) : null}
        <div class="field">
          <label for={id('score')}>Điểm tự chấm</label>
          <select
            id={id('score')}
            value={form.selfScore === null ? '' : String(form.selfScore)}
            disabled={disabled}
            onChange={(e) => {
              const v = (e.currentTarget as HTMLSelectElement).value;
              change({ selfScore: v === '' ? null : Number(v) }, true);
            }}
          >
            <option value="">— Chọn điểm —</option>
            {scoreOptions(leaf).map((s) => (
              <option key={s} value={String(s)}>
                {fmtNumber(s)}
              </option>
            ))}
          </select>
        </div>
        <div class="field wide">
          <label for={id('note')}>Ghi chú, thuyết minh</label>
          <textarea
            id={id('note')}
            rows={3}
            maxLength={2000}
            value={form.note}
            disabled={disabled}
            onInput={(e) => change({ note: (e.currentTarget as HTMLTextAreaElement).value })}
          />
        </div>
      </div>
      <EvidenceLinks
        year={props.year}
        unitId={props.unitId}
        code={item.code}
        links={form.evidence}
        docs={props.docs}
        editable={props.editable}
        onChange={(evidence, now) => change({ evidence }, now)}
        onLinkElsewhere={props.onLinkElsewhere}
      />
      {item.evidenceRequired ? (
        <div class="field wide">
          <label for={id('noev')}>Lý do không có tài liệu kiểm chứng (nếu có, ít nhất 10 ký tự)</label>
          <textarea
            id={id('noev')}
            rows={2}
            value={form.noEvidenceReason}
            disabled={disabled}
            onInput={(e) => change({ noEvidenceReason: (e.currentTarget as HTMLTextAreaElement).value })}
          />
        </div>
      ) : null}
      <p class={`save-status ${status}`} role="status" aria-live="polite">
        {props.editable ? statusText[status] : (props.readOnlyReason ?? 'Chỉ xem: hồ sơ không ở trạng thái được sửa.')}
      </p>
      {problem ? <ProblemBox problem={problem} /> : null}
    </section>
  );
}
