/** The explanation round: the unit answers an item the appraiser adjusted, with new evidence if needed. */
import { useState } from 'preact/hooks';
import { api, type AssessmentItem } from '../api/client';
import { dropDraft, readDraft, writeDraft } from '../lib/drafts';
import { fmtNumber } from '../lib/format';
import { ProblemBox } from './problem-box';
import { EvidenceLinks, type Link } from './evidence-links';
import type { Doc } from '../lib/assessment-data';
import type { Problem } from '../lib/problems';

export function latestAppraisal(item: AssessmentItem) {
  return item.appraisals.length ? item.appraisals[item.appraisals.length - 1] : undefined;
}

/** Items the appraiser scored differently from the unit: those the return asks to explain. */
export const needsExplanation = (item: AssessmentItem) => {
  const a = latestAppraisal(item);
  return !!a && a.score !== item.selfScore;
};

export function ExplanationForm(props: {
  year: number;
  unitId: string;
  round: number;
  item: AssessmentItem;
  docs: Doc[];
  onSaved: (i: AssessmentItem) => void;
}) {
  const { item } = props;
  const draftId = `explain:${props.year}:${props.unitId}:${item.code}`;
  const existing = item.explanations.find((x) => x.round === props.round);
  const [text, setText] = useState(readDraft<{ text: string }>(draftId)?.text ?? existing?.text ?? '');
  const [links, setLinks] = useState<Link[]>(existing?.evidence.map((e) => ({ evidenceId: e.evidenceId, page: e.page ?? '' })) ?? []);
  const [problem, setProblem] = useState<Problem | undefined>();
  const [saved, setSaved] = useState(false);
  const a = latestAppraisal(item);
  const save = async () => {
    const { data, error } = await api().PUT('/v1/cycles/{year}/units/{unitId}/explanations/items/{code}', {
      params: { path: { year: props.year, unitId: props.unitId, code: item.code } },
      body: {
        text,
        evidence: links.map((l) => ({ evidenceId: l.evidenceId, ...(l.page.trim() ? { page: l.page.trim() } : {}) })),
        expectedVersion: item.version,
      },
    });
    if (data) {
      dropDraft(draftId);
      setProblem(undefined);
      setSaved(true);
      props.onSaved(data);
    } else setProblem(error as Problem | undefined);
  };
  const id = `explain-${item.code}`;
  return (
    <section class="explain" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Giải trình tiêu chí {item.code}</h3>
      {a ? (
        <p class="mismatch">
          Điểm thẩm định: <strong>{fmtNumber(a.score)}</strong> (tự chấm {fmtNumber(item.selfScore)}). Lý do: {a.reason ?? '—'}
        </p>
      ) : null}
      <div class="field wide">
        <label for={id}>Nội dung giải trình (ít nhất 10 ký tự)</label>
        <textarea
          id={id}
          rows={4}
          value={text}
          onInput={(e) => {
            const v = (e.currentTarget as HTMLTextAreaElement).value;
            setText(v);
            setSaved(false);
            writeDraft(draftId, { text: v });
          }}
        />
      </div>
      <EvidenceLinks
        year={props.year}
        unitId={props.unitId}
        code={`x-${item.code}`}
        links={links}
        docs={props.docs}
        editable
        onChange={(l) => setLinks(l)}
      />
      <p>
        <button type="button" class="primary" disabled={text.trim().length < 10} onClick={() => void save()}>
          Lưu giải trình
        </button>{' '}
        {saved ? <span role="status">Đã lưu giải trình.</span> : null}
      </p>
      {problem ? <ProblemBox problem={problem} /> : null}
    </section>
  );
}
