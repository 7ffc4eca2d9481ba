/**
 * One unit's result for the council (`/hoi-dong/don-vi/{unitId}?nam=`): index, band and rank with
 * its ties, the areas (with last year's figures when they exist), and the computation trace leaf by
 * leaf from the explanation route: self score, each appraisal round with its reason, survey ratio.
 */
import { useLocation } from 'preact-iso';
import { api, type Schemas } from '../api/client';
import { AreaChart } from '../components/charts';
import { PageLoading, PageProblem } from '../components/page-problem';
import { signed } from '../lib/council';
import { currentYear, fmtDateTime, fmtNumber, unitTypeNames } from '../lib/format';
import { must, useLoad } from '../lib/use-load';
import '../styles-council.css';

type Explanation = Schemas['ResultExplanation'];
type Leaf = Explanation['leaves'][number];

async function loadUnit(year: number, unitId: string) {
  const explanation = await must(api().GET('/v1/cycles/{year}/results/units/{unitId}/explanation', { params: { path: { year, unitId } } }));
  const framework = await must(api().GET('/v1/frameworks/{frameworkId}', { params: { path: { frameworkId: explanation.frameworkId } } }));
  return { explanation, areaNames: new Map(framework.areas.map((a) => [a.code, a.name])) };
}

function Summary({ e }: { e: Explanation }) {
  return (
    <dl class="summary-grid">
      <div>
        <dt>Chỉ số</dt>
        <dd class="big">{fmtNumber(e.totals.index)}</dd>
      </div>
      <div>
        <dt>Xếp loại</dt>
        <dd>{e.band}</dd>
      </div>
      <div>
        <dt>Hạng</dt>
        <dd>
          {e.rank.rank}/{e.rank.of}
          {e.rank.tiedWith.length ? ` (đồng hạng với ${e.rank.tiedWith.map((t) => t.name).join(', ')})` : ''}
        </dd>
      </div>
      <div>
        <dt>Điểm</dt>
        <dd>
          {fmtNumber(e.totals.total)}/{fmtNumber(e.totals.maxApplicable)} (tự đánh giá {fmtNumber(e.totals.selfTotal)}, khảo sát{' '}
          {fmtNumber(e.totals.surveyTotal)}, thưởng {fmtNumber(e.adjustments.bonusTotal)}, trừ {fmtNumber(e.adjustments.penaltyTotal)})
        </dd>
      </div>
      {e.previous ? (
        <div>
          <dt>So với năm {e.previous.year}</dt>
          <dd>
            {fmtNumber(e.previous.index)} → {fmtNumber(e.totals.index)} ({signed(e.change?.index, fmtNumber)} điểm
            {e.change?.rank !== null && e.change?.rank !== undefined ? `, ${signed(e.change.rank, String)} bậc` : ''})
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

function roundsText(l: Leaf): string {
  return l.rounds.map((r) => `Vòng ${r.round}: ${fmtNumber(r.score)}${r.reason ? ` — ${r.reason}` : ''}`).join('; ');
}

function Trace({ e, areaNames }: { e: Explanation; areaNames: Map<string, string> }) {
  return (
    <section aria-labelledby="trace-title">
      <h2 id="trace-title">Cách tính, từng tiêu chí</h2>
      {e.areas.map((a) => (
        <details key={a.code} class="panel trace">
          <summary>
            Lĩnh vực {a.code}. {areaNames.get(a.code)}: {fmtNumber(a.score)}/{fmtNumber(a.max)} điểm
          </summary>
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Tiêu chí</th>
                  <th scope="col" class="num">
                    Tối đa
                  </th>
                  <th scope="col" class="num">
                    Tự chấm
                  </th>
                  <th scope="col">Thẩm định</th>
                  <th scope="col" class="num">
                    Điểm tính
                  </th>
                </tr>
              </thead>
              <tbody>
                {e.leaves
                  .filter((l) => l.area === a.code)
                  .map((l) => (
                    <tr key={l.code} class={l.lost > 0 ? 'lost' : undefined}>
                      <td>
                        {l.code} {l.name}
                        {l.missing ? <span class="muted"> · chưa có điểm</span> : null}
                      </td>
                      <td class="num">{fmtNumber(l.max)}</td>
                      <td class="num">{l.method === 'survey' ? 'khảo sát' : fmtNumber(l.selfScore)}</td>
                      <td>{l.method === 'survey' ? `tỉ lệ hài lòng ${fmtNumber(l.survey?.ratio)}` : roundsText(l) || '—'}</td>
                      <td class="num">{fmtNumber(l.score)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </details>
      ))}
      {e.exemptions.length ? <p>Miễn áp dụng: {e.exemptions.map((x) => `${x.code} (${x.leaves.join(', ')})`).join('; ')}</p> : null}
      {e.nextBand ? (
        <p>
          Để đạt loại “{e.nextBand.band}” (từ {fmtNumber(e.nextBand.min)}) cần thêm {fmtNumber(e.nextBand.pointsNeeded)} điểm
          {e.nextBand.leavesNeeded !== null ? `, ít nhất ${e.nextBand.leavesNeeded} tiêu chí` : ''}.
        </p>
      ) : null}
    </section>
  );
}

export function CouncilUnit({ unitId }: { unitId: string }) {
  const { query } = useLocation();
  const year = Number(query.nam ?? currentYear());
  const [loaded] = useLoad(() => loadUnit(year, unitId), [year, unitId]);
  if (loaded.state === 'loading') return <PageLoading />;
  if (loaded.state === 'error') return <PageProblem problem={loaded.problem} />;
  const { explanation: e, areaNames } = loaded.value;
  return (
    <main id="main" class="page">
      <p>
        <a href={`/hoi-dong?nam=${year}&loai=${e.unitType}`}>
          ← Kết quả {unitTypeNames[e.unitType]?.toLowerCase()} năm {year}
        </a>
      </p>
      <div class="page-head">
        <h1>
          {e.name}: kết quả {year}
        </h1>
        <p class="muted">
          {e.status === 'published' ? 'Đã công bố' : 'Bản dự thảo'}
          {e.computedAt ? `, tính lúc ${fmtDateTime(e.computedAt)}` : ''}
        </p>
        <Summary e={e} />
      </div>
      <AreaChart
        id="unit-areas"
        title={`Chỉ số thành phần theo lĩnh vực: ${e.name}${e.previous ? ` (vạch đỏ: năm ${e.previous.year})` : ''}`}
        areas={e.areas.map((a) => ({ code: a.code, name: areaNames.get(a.code) ?? '', index: a.index, previous: a.previousIndex }))}
      />
      <Trace e={e} areaNames={areaNames} />
    </main>
  );
}
