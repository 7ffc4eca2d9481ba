/**
 * Recording the Ministry's score of the province's submitted assessment (admin or Sở Nội vụ):
 * the total and the decision, areas optional. Sends the version read, so a score recorded by
 * someone else meanwhile answers VERSION_CONFLICT, shown through the console's problem messages;
 * re-reading then refills the form from the score now recorded.
 */
import { useState } from 'preact/hooks';
import { api, idempotencyKey, type Schemas } from '../api/client';
import { fmtNumber, parseDecimal } from '../lib/format';
import type { Problem } from '../lib/problems';
import { must } from '../lib/use-load';
import { ProblemBox } from './problem-box';

type View = Schemas['MinistryScore'];
const text = (n: number | undefined) => (n === undefined ? '' : fmtNumber(n));

const areaTexts = (v: View) => Object.fromEntries(Object.entries(v.score?.areas ?? {}).map(([k, n]) => [k, text(n)]));

function numbers(values: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(values)
      .map(([k, v]) => [k, parseDecimal(v)] as const)
      .filter((e): e is readonly [string, number] => e[1] !== undefined),
  );
}

export function MinistryScoreForm(props: { year: number; unitId: string; view: View; onSaved: (v: View) => void }) {
  const { view } = props;
  const [total, setTotal] = useState(text(view.score?.total));
  const [decision, setDecision] = useState(view.score?.decision ?? '');
  const [areas, setAreas] = useState<Record<string, string>>(() => areaTexts(view));
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem | undefined>();
  const [message, setMessage] = useState('');
  const reread = async () => {
    try {
      const fresh = await must(
        api().GET('/v1/cycles/{year}/units/{unitId}/ministry-score', { params: { path: { year: props.year, unitId: props.unitId } } }),
      );
      props.onSaved(fresh);
      setTotal(text(fresh.score?.total));
      setDecision(fresh.score?.decision ?? '');
      setAreas(areaTexts(fresh));
      setProblem(undefined);
    } catch (error) {
      setProblem(error as Problem);
    }
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    setProblem(undefined);
    setMessage('');
    const byArea = numbers(areas);
    try {
      const saved = await must(
        api().PUT('/v1/cycles/{year}/units/{unitId}/ministry-score', {
          params: { path: { year: props.year, unitId: props.unitId } },
          headers: { 'Idempotency-Key': idempotencyKey() },
          body: {
            total: parseDecimal(total),
            decision: decision.trim() || undefined,
            ...(Object.keys(byArea).length ? { areas: byArea } : {}),
            reason: reason.trim() || undefined,
            expectedVersion: view.version,
          },
        }),
      );
      props.onSaved(saved);
      setMessage('Đã ghi điểm Bộ Nội vụ thẩm định.');
    } catch (error) {
      setProblem(error as Problem);
    }
  };
  return (
    <form class="panel" aria-labelledby="ministry-form-h" onSubmit={(e) => void submit(e)}>
      <h3 id="ministry-form-h">{view.score ? 'Sửa điểm Bộ Nội vụ thẩm định' : 'Ghi điểm Bộ Nội vụ thẩm định'}</h3>
      <div class="fields">
        <label class="field">
          Tổng điểm Bộ Nội vụ
          <input inputMode="decimal" required value={total} onInput={(e) => setTotal(e.currentTarget.value)} />
        </label>
        <label class="field">
          Quyết định công bố
          <input required value={decision} onInput={(e) => setDecision(e.currentTarget.value)} />
        </label>
        {view.comparison.areas.map((r) => (
          <label class="field" key={r.code}>
            Lĩnh vực {r.code} (tối đa {fmtNumber(r.maxPoints)}, không bắt buộc)
            <input
              inputMode="decimal"
              value={areas[r.code] ?? ''}
              onInput={(e) => setAreas({ ...areas, [r.code]: e.currentTarget.value })}
            />
          </label>
        ))}
        <label class="field wide">
          Lý do (ghi vào nhật ký)
          <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
      </div>
      <p>
        <button type="submit" class="primary">
          Lưu điểm Bộ Nội vụ
        </button>
      </p>
      {message ? (
        <p class="ok" role="status">
          {message}
        </p>
      ) : null}
      {problem ? <ProblemBox problem={problem} /> : null}
      {problem?.code === 'VERSION_CONFLICT' ? (
        <p>
          <button type="button" onClick={() => void reread()}>
            Đọc lại điểm đã ghi
          </button>
        </p>
      ) : null}
    </form>
  );
}
