/**
 * Invitations for a one-stop shop (`/khao-sat/{year}/{surveyId}/phieu-moi`): pick the unit, the
 * group and how many, and the page shows an A4 sheet of QR cards to print. Each QR encodes the
 * code's answer URL as the API answered it (`links`); the code is printed under it for typing by
 * hand. Codes are shown once (only their hashes are stored), so the sheet lives in this page only.
 */
import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { api } from '../../api/client';
import { ProblemBox } from '../../components/problem-box';
import { PageLoading, PageProblem } from '../../components/page-problem';
import { collator } from '../../lib/format';
import type { Problem } from '../../lib/problems';
import { loadSurvey, surveyPath } from '../../lib/surveys';
import { must, useLoad } from '../../lib/use-load';
import { QrSheet, type Sheet } from './qr-sheet';
import './surveys.css';

async function loadForm(year: number, surveyId: string) {
  const stored = await loadSurvey(year, surveyId);
  const { units } = await must(api().GET('/v1/units', { params: { query: { type: stored.unitType } } }));
  return { stored, units: [...units].sort((a, b) => collator.compare(a.name, b.name)) };
}

export function SurveyInvitations() {
  const { params } = useRoute();
  const year = Number(params.year);
  const surveyId = params.surveyId as string;
  const [loaded] = useLoad(() => loadForm(year, surveyId), [year, surveyId]);
  const [sheet, setSheet] = useState<Sheet | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  if (loaded.state === 'loading') return <PageLoading />;
  if (loaded.state === 'error') return <PageProblem problem={loaded.problem} />;
  const { stored, units } = loaded.value;
  const groups = stored.definition.groups;
  const submit = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const unitId = String(data.get('unitId'));
    const group = String(data.get('group'));
    setBusy(true);
    setProblem(undefined);
    const res = await api().POST('/v1/cycles/{year}/surveys/{surveyId}/invitations', {
      params: { path: { year, surveyId } },
      body: { unitId, group, count: Number(data.get('count')) },
    });
    setBusy(false);
    if (!res.data) return setProblem(res.error as Problem);
    const unitName = units.find((u) => u.id === unitId)?.name ?? unitId;
    setSheet({ unitName, groupLabel: groups[group] ?? group, surveyName: stored.definition.name, links: res.data.links });
  };
  return (
    <main id="main" class="page">
      <div class="no-print">
        <p>
          <a href={surveyPath(year, surveyId)}>← Về phiếu khảo sát</a>
        </p>
        <h1>In phiếu mời trả lời khảo sát</h1>
        <p>
          Mỗi thẻ có một mã QR dùng một lần. Người dân quét mã bằng điện thoại để trả lời, không cần đăng nhập. Mã chỉ hiển thị một lần: hãy
          in ngay sau khi tạo.
        </p>
        <form
          class="panel fields invite-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit(e.currentTarget);
          }}
        >
          <div class="field">
            <label for="inv-unit">Đơn vị</label>
            <select id="inv-unit" name="unitId" required>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="inv-group">Nhóm đối tượng</label>
            <select id="inv-group" name="group" required>
              {Object.entries(groups).map(([g, label]) => (
                <option key={g} value={g}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="inv-count">Số thẻ (1–99)</label>
            <input id="inv-count" name="count" type="number" inputMode="numeric" min={1} max={99} value={12} required />
          </div>
          <button type="submit" class="primary" disabled={busy}>
            {busy ? 'Đang tạo mã…' : 'Tạo mã và xem bản in'}
          </button>
        </form>
        {problem ? <ProblemBox problem={problem} /> : null}
      </div>
      {sheet ? <QrSheet sheet={sheet} /> : null}
    </main>
  );
}
