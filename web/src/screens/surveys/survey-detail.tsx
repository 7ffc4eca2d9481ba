/**
 * One survey (`/khao-sat/{year}/{surveyId}`): its definition as the desk reads it (groups with
 * their target sample, answer options, questions with their survey leaf), what can be done with it
 * (edit, import a file, print invitations) and the sample per unit against the target.
 */
import { useRoute } from 'preact-iso';
import { PageProblem } from '../../components/page-problem';
import { loadSurvey, surveyPath, targetText, type StoredSurvey } from '../../lib/surveys';
import { fmtNumber, unitTypeNames } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { currentSession, hasRole } from '../../lib/session';
import { SurveySummary } from './survey-summary';
import { ImportList } from './import-list';
import { SurveyMissing } from './survey-missing';
import './surveys.css';

function Definition({ stored }: { stored: StoredSurvey }) {
  const d = stored.definition;
  return (
    <>
      <section class="panel" aria-labelledby="groups-h">
        <h2 id="groups-h">Nhóm đối tượng và cỡ mẫu tối thiểu</h2>
        <table class="cards">
          <thead>
            <tr>
              <th scope="col">Nhóm</th>
              <th scope="col">Cỡ mẫu mỗi đơn vị</th>
              <th scope="col" class="num">
                Trọng số
              </th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(d.groups).map(([g, label]) => (
              <tr key={g}>
                <td data-label="Nhóm">{label}</td>
                <td data-label="Cỡ mẫu">{targetText(d.targetSample[g])}</td>
                <td data-label="Trọng số" class="num">
                  {fmtNumber(d.groupWeights[g] ?? 1)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>Phương án trả lời</h3>
        <ul class="inline-list">
          {Object.entries(d.options).map(([k, w]) => (
            <li key={k}>
              <strong>{k}</strong> {d.optionLabels?.[k] ?? ''} ({w === null ? 'không tính điểm' : `hệ số ${fmtNumber(w)}`})
            </li>
          ))}
        </ul>
      </section>
      <section class="panel" aria-labelledby="questions-h">
        <h2 id="questions-h">Câu hỏi ({d.questions.length})</h2>
        <ol class="questions">
          {d.questions.map((q) => (
            <li key={q.id}>
              <p>{q.text ?? q.id}</p>
              <p class="muted">
                Mã {q.id} · tiêu chí {q.leaf} · nhóm: {(q.groups ?? Object.keys(d.groups)).map((g) => d.groups[g] ?? g).join('; ')}
              </p>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

export function SurveyDetail() {
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
  if (loaded.state === 'error')
    return loaded.problem?.code === 'SURVEY_NOT_FOUND' ? (
      <SurveyMissing year={year} surveyId={surveyId} onCreated={reload} />
    ) : (
      <PageProblem problem={loaded.problem} />
    );
  const stored = loaded.value;
  const base = surveyPath(year, surveyId);
  const session = currentSession();
  const admin = !!session && hasRole(session, 'admin');
  return (
    <main id="main" class="page">
      <p>
        <a href={`/khao-sat?nam=${year}`}>← Các phiếu khảo sát {year}</a>
      </p>
      <h1>{stored.definition.name}</h1>
      <p class="muted">
        {unitTypeNames[stored.unitType] ?? stored.unitType} · bộ tiêu chí {stored.frameworkId} · phiên bản {stored.version}
      </p>
      {/* Writing is the administrator's (the API refuses the rest); the council reads the sample. */}
      {admin ? (
        <nav class="actions" aria-label="Thao tác với phiếu">
          <a class="button" href={`${base}/sua`}>
            Sửa phiếu
          </a>
          <a class="button" href={`${base}/nhap`}>
            Nhập tệp kết quả
          </a>
          <a class="button" href={`${base}/phieu-moi`}>
            In phiếu mời (mã QR)
          </a>
        </nav>
      ) : null}
      {stored.warnings?.length ? (
        <div class="notice">
          <p>Lưu ý khi khai báo phiếu:</p>
          <ul>
            {stored.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ImportList year={year} surveyId={surveyId} />
      <SurveySummary year={year} surveyId={surveyId} groups={stored.definition.groups} />
      <Definition stored={stored} />
    </main>
  );
}
