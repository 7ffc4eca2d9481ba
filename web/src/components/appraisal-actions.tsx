/** Accept the rest, return for explanation with a message, finalise with what is still open. */
import { useState } from 'preact/hooks';
import { api, idempotencyKey, type Assessment } from '../api/client';
import { dropDraft, readDraft, writeDraft } from '../lib/drafts';
import type { Problem } from '../lib/problems';
import { ProblemBox } from './problem-box';

export function AppraisalActions(props: {
  year: number;
  unitId: string;
  assessment: Assessment;
  open: string[];
  lead: boolean;
  hrefOf: (code: string) => string;
  onChanged: (message: string) => void;
}) {
  const draftId = `return:${props.year}:${props.unitId}`;
  const [message, setMessage] = useState(readDraft<string>(draftId) ?? '');
  const [problem, setProblem] = useState<Problem | undefined>();
  const path = { params: { path: { year: props.year, unitId: props.unitId } }, headers: { 'Idempotency-Key': idempotencyKey() } };
  const run = async (call: Promise<{ data?: unknown; error?: unknown }>, done: string) => {
    const { data, error } = await call;
    if (data) {
      setProblem(undefined);
      props.onChanged(done);
    } else setProblem(error as Problem | undefined);
  };
  return (
    <section class="panel" aria-labelledby="actions-title">
      <h2 id="actions-title">Xử lý hồ sơ</h2>
      {props.open.length ? (
        <>
          <p>Còn {props.open.length} tiêu chí trong phạm vi của bạn chưa thẩm định ở vòng này:</p>
          <ul class="missing">
            {props.open.map((c) => (
              <li key={c}>
                <a href={props.hrefOf(c)}>Tiêu chí {c}</a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="ok">Đã thẩm định hết các tiêu chí trong phạm vi của bạn.</p>
      )}
      <p class="actions">
        <button
          type="button"
          disabled={props.open.length === 0}
          onClick={() =>
            void run(
              api().POST('/v1/cycles/{year}/units/{unitId}/appraisal/accept-remaining', path),
              'Đã chấp nhận điểm tự chấm cho các tiêu chí còn lại.',
            )
          }
        >
          Chấp nhận điểm tự chấm cho các tiêu chí còn lại
        </button>
        {props.lead ? (
          <button
            type="button"
            class="primary"
            onClick={() =>
              void run(api().POST('/v1/cycles/{year}/units/{unitId}/appraisal/finalize', path), 'Đã kết thúc thẩm định hồ sơ.')
            }
          >
            Kết thúc thẩm định
          </button>
        ) : null}
      </p>
      <div class="field wide">
        <label for="return-message">Yêu cầu đơn vị giải trình (ít nhất 10 ký tự)</label>
        <textarea
          id="return-message"
          rows={3}
          value={message}
          onInput={(e) => {
            const v = (e.currentTarget as HTMLTextAreaElement).value;
            setMessage(v);
            writeDraft(draftId, v);
          }}
        />
      </div>
      <p>
        <button
          type="button"
          disabled={message.trim().length < 10}
          onClick={() =>
            void run(
              api()
                .POST('/v1/cycles/{year}/units/{unitId}/appraisal/return', { ...path, body: { message: message.trim() } })
                .then((r) => (r.data && dropDraft(draftId), r)),
              'Đã trả hồ sơ để đơn vị giải trình.',
            )
          }
        >
          Trả lại để giải trình
        </button>
      </p>
      {problem ? <ProblemBox problem={problem} hrefOf={props.hrefOf} /> : null}
    </section>
  );
}
