/** The survey desk's start (`/khao-sat?nam=`): the cycle's surveys, one per unit type. */
import { useLocation } from 'preact-iso';
import { api } from '../../api/client';
import { PageProblem } from '../../components/page-problem';
import { currentYear, unitTypeNames } from '../../lib/format';
import { loadSurvey, surveyPath, type StoredSurvey } from '../../lib/surveys';
import { must, useLoad } from '../../lib/use-load';
import './surveys.css';

async function loadDesk(year: number) {
  const cycle = await must(api().GET('/v1/cycles/{year}', { params: { path: { year } } }));
  const named = Object.entries(cycle.surveys ?? {}) as [string, string][];
  const surveys = await Promise.all(
    named.map(async ([unitType, surveyId]) => ({
      unitType,
      surveyId,
      stored: await loadSurvey(year, surveyId).catch(() => undefined as StoredSurvey | undefined),
    })),
  );
  return { cycle, surveys };
}

export function SurveyDesk() {
  const { query, route } = useLocation();
  const year = Number(query.nam ?? currentYear());
  const [loaded] = useLoad(() => loadDesk(year), [year]);
  const yearPicker = (
    <form class="filters panel" onSubmit={(e) => e.preventDefault()}>
      <div>
        <label for="s-year">Năm đánh giá</label>
        <input
          id="s-year"
          type="number"
          inputMode="numeric"
          value={year}
          onChange={(e) => route(`/khao-sat?nam=${(e.currentTarget as HTMLInputElement).value}`, true)}
        />
      </div>
    </form>
  );
  if (loaded.state === 'loading')
    return (
      <main id="main" class="page">
        <p>Đang tải các phiếu khảo sát…</p>
      </main>
    );
  if (loaded.state === 'error') return <PageProblem problem={loaded.problem} />;
  const { surveys } = loaded.value;
  return (
    <main id="main" class="page">
      <h1>Điều tra xã hội học {year}</h1>
      {yearPicker}
      {surveys.length === 0 ? <p>Kỳ đánh giá này chưa gắn phiếu khảo sát nào.</p> : null}
      <ul class="survey-list">
        {surveys.map((s) => (
          <li key={s.surveyId} class="panel">
            <h2>
              <a href={surveyPath(year, s.surveyId)}>{s.stored?.definition.name ?? s.surveyId}</a>
            </h2>
            <p class="muted">
              {unitTypeNames[s.unitType] ?? s.unitType} · mã phiếu {s.surveyId}
              {s.stored
                ? ` · ${s.stored.definition.questions.length} câu hỏi · ${Object.keys(s.stored.definition.groups).length} nhóm`
                : ''}
            </p>
            {s.stored ? null : <p class="notice">Phiếu chưa được khai báo cho kỳ này.</p>}
          </li>
        ))}
      </ul>
    </main>
  );
}
