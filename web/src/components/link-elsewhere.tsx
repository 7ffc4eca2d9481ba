/** Links one document to several leaves at once, each with its own page or section. */
import { useState } from 'preact/hooks';
import { api, type AssessmentItem } from '../api/client';
import { formOf, selfBody } from '../lib/self-form';
import { ProblemBox } from './problem-box';
import type { Doc } from '../lib/assessment-data';
import type { Leaf } from '../lib/rules';
import type { Problem } from '../lib/problems';

export function LinkElsewhere(props: {
  year: number;
  unitId: string;
  doc: Doc;
  items: AssessmentItem[];
  leaves: Map<string, Leaf>;
  onDone: (updated: AssessmentItem[]) => void;
}) {
  const candidates = props.items.filter((i) => i.selfScore !== null && !i.evidence.some((e) => e.evidenceId === props.doc.evidenceId));
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | undefined>();
  const apply = async () => {
    const updated: AssessmentItem[] = [];
    for (const [code, page] of Object.entries(chosen)) {
      const item = props.items.find((i) => i.code === code)!;
      const form = formOf(item);
      form.evidence.push({ evidenceId: props.doc.evidenceId, page });
      const { data, error } = await api().PUT('/v1/cycles/{year}/units/{unitId}/assessment/items/{code}', {
        params: { path: { year: props.year, unitId: props.unitId, code } },
        body: selfBody(props.leaves.get(code)!, form, item.version),
      });
      if (!data) {
        setProblem(error as Problem | undefined);
        props.onDone(updated);
        return;
      }
      updated.push(data);
    }
    props.onDone(updated);
  };
  return (
    <section class="dialog" aria-labelledby="link-title" role="dialog" aria-modal="false">
      <h2 id="link-title">Gắn “{props.doc.fileName}” vào các tiêu chí khác</h2>
      {candidates.length === 0 ? (
        <p>Không còn tiêu chí đã chấm điểm nào để gắn.</p>
      ) : (
        <p class="muted">Chỉ hiện các tiêu chí đã chấm điểm.</p>
      )}
      <ul class="choices">
        {candidates.map((i) => (
          <li key={i.code}>
            <label class="inline">
              <input
                type="checkbox"
                checked={i.code in chosen}
                onChange={(e) => {
                  const next = { ...chosen };
                  if ((e.currentTarget as HTMLInputElement).checked) next[i.code] = '';
                  else delete next[i.code];
                  setChosen(next);
                }}
              />
              {i.code} {i.name}
            </label>
            {i.code in chosen ? (
              <input
                aria-label={`Trang/mục cho tiêu chí ${i.code}`}
                class="page-ref"
                placeholder="vd. tr. 3"
                value={chosen[i.code]}
                onInput={(e) => setChosen({ ...chosen, [i.code]: (e.currentTarget as HTMLInputElement).value })}
              />
            ) : null}
          </li>
        ))}
      </ul>
      <p>
        <button type="button" class="primary" disabled={Object.keys(chosen).length === 0} onClick={() => void apply()}>
          Gắn vào {Object.keys(chosen).length} tiêu chí
        </button>{' '}
        <button type="button" onClick={() => props.onDone([])}>
          Hủy
        </button>
      </p>
      {problem ? <ProblemBox problem={problem} /> : null}
    </section>
  );
}
