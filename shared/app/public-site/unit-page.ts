/** A unit's published history: index, rank and band per year, and the area sub-indexes. */
import { unitHistory } from '../results/previous-publications.ts';
import { esc, fmt, fmtInt, fmtSigned, layout, table, unitTypeNames } from './html.ts';
import { areaNames, home, type Page } from './page.ts';

export async function unitPage(unitId: string): Promise<Page> {
  const history = await unitHistory(unitId);
  const latest = history.years.at(-1)!;
  const names = await areaNames(latest.frameworkId);
  const years = history.years.map((y) => y.year);
  const rows = history.years.map((y) => [
    `<a href="/cong-khai/${y.year}">${y.year}</a>`,
    fmt(y.index),
    fmtInt(y.rank),
    esc(y.band),
    y.change ? `${fmtSigned(y.change.index)} điểm` : '—',
    esc(y.decision),
  ]);
  const areaCodes = [...new Set(history.years.flatMap((y) => y.areas.map((a) => a.code)))];
  const areaRows = areaCodes.map((code) => [
    `${esc(code)}. ${esc(names.get(code) ?? '')}`,
    ...history.years.map((y) => {
      const a = y.areas.find((x) => x.code === code);
      return a ? `${fmt(a.index)} <span class="muted">(${fmt(a.score)}/${fmt(a.max)})</span>` : '—';
    }),
  ]);
  const body = `<h1>${esc(latest.name)}</h1>
<p>${esc(unitTypeNames[latest.unitType] ?? latest.unitType)} · mã đơn vị <code>${esc(unitId)}</code></p>
<h2>Kết quả qua các năm</h2>
${table(`Chỉ số, hạng và xếp loại của ${latest.name} qua các năm`, ['Năm', 'Chỉ số', 'Hạng', 'Xếp loại', 'Thay đổi', 'Quyết định'], rows, new Set([1, 2]))}
<h2>Chỉ số thành phần theo lĩnh vực</h2>
${table('Chỉ số thành phần (thang 100) và điểm đạt trên điểm tối đa, theo năm', ['Lĩnh vực', ...years.map(String)], areaRows, new Set(years.map((_y, i) => i + 1)))}`;
  return {
    status: 200,
    html: layout({
      title: latest.name,
      description: `Kết quả Chỉ số CCHC của ${latest.name} qua các năm ${years.join(', ')}.`,
      crumbs: [home, { label: latest.name }],
      body,
    }),
  };
}
