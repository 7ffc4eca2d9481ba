/**
 * A survey the cycle names but has not defined yet (GET answers SURVEY_NOT_FOUND): the
 * administrator copies last year's definition of the same id, or starts a new one in the form.
 */
import { useState } from 'preact/hooks';
import { api, idempotencyKey } from '../../api/client';
import { ProblemBox } from '../../components/problem-box';
import { unitTypeNames } from '../../lib/format';
import type { Problem } from '../../lib/problems';
import { currentSession, hasRole } from '../../lib/session';
import { surveyPath, type SurveyDefinition } from '../../lib/surveys';
import { useLoad } from '../../lib/use-load';

/**
 * The form cannot add groups or answer options, so a new survey starts from the Ministry's usual
 * respondent groups and five-point scale (both editable); name, targets and questions are empty.
 */
export function emptyDefinition(surveyId: string, unitType: SurveyDefinition['unitType']): SurveyDefinition {
  return {
    id: surveyId,
    unitType,
    name: '',
    groups: {
      leader: 'Lãnh đạo, quản lý các cơ quan, đơn vị',
      'civil-servant': 'Công chức, viên chức',
      citizen: 'Người dân, tổ chức giao dịch thủ tục hành chính',
    },
    options: { A: 1, B: 0.6, C: 0.2, D: 0, E: null },
    optionLabels: { A: 'Rất tốt', B: 'Tốt', C: 'Chưa tốt', D: 'Kém', E: 'Không biết / không trả lời' },
    groupWeights: {},
    targetSample: {},
    questions: [],
  };
}

/** The unit type the cycle names this survey for (the form's new definition carries it). */
export async function cycleUnitType(year: number, surveyId: string): Promise<SurveyDefinition['unitType']> {
  const { data } = await api().GET('/v1/cycles/{year}', { params: { path: { year } } });
  const named = Object.entries(data?.surveys ?? {}).find(([, id]) => id === surveyId);
  return named?.[0] as SurveyDefinition['unitType'];
}

/** As the API's carry-over looks back (shared/app/cycles/survey-carry-over.ts): years may be skipped, not decades. */
const lookBackYears = 5;

/** The nearest earlier cycle's definition of the same survey id, if that cycle has one. */
async function previousSurvey(year: number, surveyId: string) {
  for (let y = year - 1; y >= year - lookBackYears; y--) {
    const cycle = await api().GET('/v1/cycles/{year}', { params: { path: { year: y } } });
    if (!cycle.data) continue;
    const survey = await api().GET('/v1/cycles/{year}/surveys/{surveyId}', { params: { path: { year: y, surveyId } } });
    return { year: y, stored: survey.data };
  }
  return { year: undefined, stored: undefined };
}

async function loadContext(year: number, surveyId: string) {
  const [unitType, previous] = await Promise.all([cycleUnitType(year, surveyId), previousSurvey(year, surveyId)]);
  return { unitType, previous };
}

export function SurveyMissing({ year, surveyId, onCreated }: { year: number; surveyId: string; onCreated: () => void }) {
  const [loaded] = useLoad(() => loadContext(year, surveyId), [year, surveyId]);
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  const admin = hasRole(currentSession(), 'admin');
  const ctx = loaded.state === 'ready' ? loaded.value : undefined;
  const copy = async (definition: SurveyDefinition) => {
    setBusy(true);
    setProblem(undefined);
    // This cycle decides the framework; expectedVersion 0: only if nobody defined it meanwhile.
    const { frameworkId: _framework, ...rest } = definition;
    const res = await api().PUT('/v1/cycles/{year}/surveys/{surveyId}', {
      params: { path: { year, surveyId } },
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: { ...rest, id: surveyId, expectedVersion: 0 },
    });
    setBusy(false);
    if (res.data) onCreated();
    else setProblem(res.error as Problem);
  };
  return (
    <main id="main" class="page">
      <p>
        <a href={`/khao-sat?nam=${year}`}>← Các phiếu khảo sát {year}</a>
      </p>
      <h1>Chưa có phiếu</h1>
      <p>
        Kỳ đánh giá {year} gắn phiếu mã <strong>{surveyId}</strong>
        {ctx?.unitType ? ` cho ${unitTypeNames[ctx.unitType] ?? ctx.unitType}` : ''} nhưng phiếu chưa được khai báo.
      </p>
      {loaded.state === 'loading' ? <p>Đang tìm phiếu của năm trước…</p> : null}
      {ctx && !ctx.previous.stored ? (
        <p class="muted">
          {ctx.previous.year ? `Kỳ ${ctx.previous.year} không có phiếu cùng mã để sao chép.` : 'Không có kỳ trước để sao chép phiếu.'}
        </p>
      ) : null}
      {admin && ctx ? (
        <p class="actions">
          {ctx.previous.stored ? (
            <button type="button" class="primary" disabled={busy} onClick={() => void copy(ctx.previous.stored!.definition)}>
              {busy ? 'Đang tạo phiếu…' : `Tạo phiếu từ năm trước (${ctx.previous.year})`}
            </button>
          ) : null}
          <a class="button" href={`${surveyPath(year, surveyId)}/sua`}>
            Tạo phiếu mới
          </a>
        </p>
      ) : null}
      {!admin ? <p class="muted">Quản trị viên khai báo phiếu khảo sát.</p> : null}
      {problem ? <ProblemBox problem={problem} /> : null}
    </main>
  );
}
