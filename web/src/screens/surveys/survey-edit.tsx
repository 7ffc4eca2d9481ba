/**
 * Editing a survey definition as a form (`/khao-sat/{year}/{surveyId}/sua`): the name, each
 * group's label, target sample and weight, the answer options' labels and weights, and the
 * questions (text, survey leaf, groups asked; add and remove). Saved with the version read
 * (optimistic locking): a concurrent change answers a conflict and the page offers to reload.
 */
import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { api, idempotencyKey } from '../../api/client';
import { PageProblem } from '../../components/page-problem';
import { ProblemBox } from '../../components/problem-box';
import type { Problem } from '../../lib/problems';
import { loadSurvey, surveyPath, type StoredSurvey, type SurveyDefinition } from '../../lib/surveys';
import { useLoad } from '../../lib/use-load';
import { GroupFields, OptionFields, QuestionFields, type Edit } from './survey-edit-fields';
import './surveys.css';

function EditForm({ year, stored, reload }: { year: number; stored: StoredSurvey; reload: () => void }) {
  const { route } = useLocation();
  const [draft, setDraft] = useState<SurveyDefinition>(() => structuredClone(stored.definition));
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  const edit: Edit = (change) =>
    setDraft((d) => {
      const next = structuredClone(d);
      change(next);
      return next;
    });
  const save = async () => {
    setBusy(true);
    setProblem(undefined);
    const res = await api().PUT('/v1/cycles/{year}/surveys/{surveyId}', {
      params: { path: { year, surveyId: stored.surveyId } },
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: { ...draft, expectedVersion: stored.version },
    });
    setBusy(false);
    if (!res.data) return setProblem(res.error as Problem);
    route(surveyPath(year, stored.surveyId));
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div class="panel fields">
        <div class="field">
          <label for="sv-name">Tên phiếu</label>
          <input
            id="sv-name"
            value={draft.name}
            required
            onInput={(e) => edit((d) => (d.name = (e.currentTarget as HTMLInputElement).value))}
          />
        </div>
      </div>
      <GroupFields draft={draft} edit={edit} />
      <OptionFields draft={draft} edit={edit} />
      <QuestionFields draft={draft} edit={edit} />
      {problem ? <ProblemBox problem={problem} /> : null}
      {problem?.status === 409 ? (
        <p>
          <button type="button" onClick={reload}>
            Tải lại phiếu mới nhất (bỏ các thay đổi)
          </button>
        </p>
      ) : null}
      <p class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Đang lưu…' : 'Lưu phiếu'}
        </button>
        <a href={surveyPath(year, stored.surveyId)}>Huỷ</a>
      </p>
    </form>
  );
}

export function SurveyEdit() {
  const { params } = useRoute();
  const year = Number(params.year);
  const surveyId = params.surveyId as string;
  const [loaded, reload] = useLoad(() => loadSurvey(year, surveyId), [year, surveyId]);
  if (loaded.state === 'loading')
    return (
      <main id="main" class="page">
        <p>Đang tải phiếu khảo sát…</p>
      </main>
    );
  if (loaded.state === 'error') return <PageProblem problem={loaded.problem} />;
  return (
    <main id="main" class="page">
      <p>
        <a href={surveyPath(year, surveyId)}>← Về phiếu khảo sát</a>
      </p>
      <h1>Sửa phiếu khảo sát</h1>
      <p class="muted">Phiên bản đang sửa: {loaded.value.version}</p>
      <EditForm key={loaded.value.version} year={year} stored={loaded.value} reload={reload} />
    </main>
  );
}
