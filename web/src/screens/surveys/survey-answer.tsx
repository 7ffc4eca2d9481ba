/**
 * The public answer page (`/tra-loi/{code}`, no sign-in): a citizen who scanned a QR card sees
 * the unit's name and the questions of the card's group, answers once and is thanked; a spent or
 * unknown code gets a plain message instead of the form. `/tra-loi` asks for a code typed by
 * hand. Small on purpose (plain radios, no library) for phones on a slow connection; answers
 * chosen so far survive a reload in this tab.
 */
import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { api, type Schemas } from '../../api/client';
import { problemText, type Problem } from '../../lib/problems';
import { must, useLoad } from '../../lib/use-load';
import './surveys.css';

type View = Schemas['SurveyInvitationView'];

const codeMessages: Record<string, { title: string; text: string }> = {
  INVITATION_USED: {
    title: 'Mã này đã được sử dụng',
    text: 'Phiếu của mã này đã được gửi. Mỗi mã chỉ trả lời được một lần. Cảm ơn bạn đã tham gia khảo sát.',
  },
  INVITATION_UNKNOWN: {
    title: 'Không tìm thấy mã',
    text: 'Mã này không đúng. Vui lòng kiểm tra lại mã in dưới mã QR, hoặc hỏi cán bộ tại bộ phận một cửa.',
  },
};

function CodeProblem({ problem }: { problem: Problem | undefined }) {
  const known = problem ? codeMessages[problem.code] : undefined;
  return (
    <main id="main" class="page narrow answer">
      <h1>{known?.title ?? 'Chưa mở được phiếu khảo sát'}</h1>
      <p class={known ? 'notice' : 'error'} role="alert">
        {known?.text ?? problemText(problem)}
      </p>
      <p>
        <a href="/tra-loi">Nhập mã khác</a>
      </p>
    </main>
  );
}

export function AnswerEntry() {
  const { route } = useLocation();
  return (
    <main id="main" class="page narrow answer">
      <h1>Trả lời phiếu khảo sát</h1>
      <form
        class="panel fields"
        onSubmit={(e) => {
          e.preventDefault();
          const code = String(new FormData(e.currentTarget).get('code') ?? '').trim();
          if (code) route(`/tra-loi/${encodeURIComponent(code)}`);
        }}
      >
        <div class="field">
          <label for="answer-code">Mã in trên thẻ (12 ký tự)</label>
          <input id="answer-code" name="code" autoComplete="off" autoCapitalize="characters" required placeholder="vd. AB12-CD34-EF56" />
        </div>
        <button type="submit" class="primary">
          Mở phiếu
        </button>
      </form>
    </main>
  );
}

const draftKey = (code: string) => `par-answer:${code}`;

function readDraft(code: string): Record<string, string> {
  try {
    return JSON.parse(sessionStorage.getItem(draftKey(code)) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

function AnswerForm({ code, view }: { code: string; view: View }) {
  const [answers, setAnswers] = useState<Record<string, string>>(() => readDraft(code));
  const [state, setState] = useState<'open' | 'sending' | 'sent'>('open');
  const [problem, setProblem] = useState<Problem | undefined>();
  const choose = (id: string, key: string) => {
    const next = { ...answers, [id]: key };
    setAnswers(next);
    sessionStorage.setItem(draftKey(code), JSON.stringify(next));
  };
  const send = async () => {
    setState('sending');
    setProblem(undefined);
    const res = await api().POST('/v1/public/surveys/{surveyId}/responses', {
      params: { path: { surveyId: view.surveyId } },
      body: { code, answers },
    });
    if (!res.data) {
      setState('open');
      return setProblem(res.error as Problem);
    }
    sessionStorage.removeItem(draftKey(code));
    setState('sent');
  };
  if (state === 'sent')
    return (
      <main id="main" class="page narrow answer">
        <h1>Cảm ơn bạn đã trả lời</h1>
        <p class="ok" role="status">
          Phiếu của bạn đã được ghi nhận cho {view.unitName}. Ý kiến của bạn giúp cải thiện chất lượng phục vụ của cơ quan nhà nước.
        </p>
      </main>
    );
  const answered = Object.keys(answers).length;
  if (problem && codeMessages[problem.code]) return <CodeProblem problem={problem} />;
  return (
    <main id="main" class="page narrow answer">
      <p class="muted">{view.surveyName}</p>
      <h1>{view.unitName}</h1>
      <p>
        Bạn trả lời với tư cách: <strong>{view.groupLabel}</strong>. Chọn một phương án cho mỗi câu; có thể bỏ qua câu bạn không muốn trả
        lời. Phiếu không ghi tên người trả lời.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <ol class="answer-questions">
          {view.questions.map((q, i) => (
            <li key={q.id}>
              <fieldset>
                <legend>
                  Câu {i + 1}. {q.text}
                </legend>
                {q.options.map((o) => (
                  <label key={o.key} class="choice">
                    <input type="radio" name={q.id} value={o.key} checked={answers[q.id] === o.key} onChange={() => choose(q.id, o.key)} />{' '}
                    {o.label}
                  </label>
                ))}
              </fieldset>
            </li>
          ))}
        </ol>
        {problem ? (
          <p class="error" role="alert">
            {problemText(problem)}
          </p>
        ) : null}
        <p class="muted">
          Đã chọn {answered} / {view.questions.length} câu.
        </p>
        <button type="submit" class="primary big" disabled={state === 'sending' || answered === 0}>
          {state === 'sending' ? 'Đang gửi…' : 'Gửi phiếu'}
        </button>
      </form>
    </main>
  );
}

export function SurveyAnswer() {
  const { params } = useRoute();
  const code = decodeURIComponent(params.code as string);
  const [loaded] = useLoad(() => must(api().GET('/v1/public/survey-invitations/{code}', { params: { path: { code } } })), [code]);
  if (loaded.state === 'loading')
    return (
      <main id="main" class="page narrow answer">
        <p>Đang mở phiếu khảo sát…</p>
      </main>
    );
  if (loaded.state === 'error') return <CodeProblem problem={loaded.problem} />;
  return <AnswerForm code={code} view={loaded.value} />;
}
