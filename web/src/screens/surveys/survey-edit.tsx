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
import { loadSurvey, surveyPath, type SurveyDefinition } from '../../lib/surveys';
import { useLoad } from '../../lib/use-load';
import { cycleUnitType, emptyDefinition } from './survey-missing';
import { GroupFields, OptionFields, QuestionFields, type Edit } from './survey-edit-fields';
import './surveys.css';

/** What the form edits: a stored survey (saved with its version) or a new one (version 0: must not exist yet). */
type Editing = { surveyId: string; version: number; definition: SurveyDefinition };

function EditForm({ year, stored, reload }: { year: number; stored: Editing; reload: () => void }) {
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

/** The stored survey, or, when the cycle names it but nobody defined it, an empty one of the cycle's unit type. */
async function loadEditing(year: number, surveyId: string): Promise<Editing> {
  try {
    return await loadSurvey(year, surveyId);
  } catch (problem) {
    if ((problem as Problem | undefined)?.code !== 'SURVEY_NOT_FOUND') throw problem;
    return { surveyId, version: 0, definition: emptyDefinition(surveyId, await cycleUnitType(year, surveyId)) };
  }
}

export function SurveyEdit() {
  const { params } = useRoute();
  const year = Number(params.year);
  const surveyId = params.surveyId as string;
  const [loaded, reload] = useLoad(() => loadEditing(year, surveyId), [year, surveyId]);
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
      <h1>{loaded.value.version === 0 ? 'Tạo phiếu khảo sát mới' : 'Sửa phiếu khảo sát'}</h1>
      {loaded.value.version === 0 ? null : <p class="muted">Phiên bản đang sửa: {loaded.value.version}</p>}
      <EditForm key={loaded.value.version} year={year} stored={loaded.value} reload={reload} />
    </main>
  );
}
