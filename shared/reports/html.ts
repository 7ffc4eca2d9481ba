/**
 * The published report as one self-contained, print-ready HTML page (A4, Vietnamese; no scripts,
 * no external assets): a summary with statistics and each framework's band legend; per unit type
 * a chart with an index axis and the ranking table (id, district, index, change since last year,
 * band, rank, area sub-indexes); strengths and weaknesses; then a page per unit (per district for
 * communes) with its areas, changes and weakest leaves.
 */
import type { Results, UnitResultJson } from '../schemas/files/results.ts';
import { chart } from './charts.ts';
import { viDate } from '../domain/vietnamese-format.ts';
import { escapeHtml } from './escape.ts';
import { areaCodes, bandCounts, nodeNames, orderedResults, parentOf, signed, typeLabels, vn, type ReportInput } from './model.ts';
import { unitPages } from './html-units.ts';

export { escapeHtml };

const e = escapeHtml;

export const vietnamDate = (iso: string): string => viDate(iso);

export const changeCell = (u: UnitResultJson) =>
  u.change
    ? `${signed(u.change.index)}${u.change.rank === null ? '' : ` <small title="thứ hạng">${u.change.rank > 0 ? '↑' : u.change.rank < 0 ? '↓' : '='}${u.change.rank === 0 ? '' : Math.abs(u.change.rank)}</small>`}`
    : '<small>chưa có năm trước</small>';

function summary(input: ReportInput): string {
  const rows = orderedResults(input.results)
    .map(([type, r]) => {
      const s = r.stats[type as keyof typeof r.stats];
      const withPrevious = r.units.filter((u) => u.change);
      const up = withPrevious.filter((u) => u.change!.index > 0).length;
      return `<tr><th scope="row">${e(typeLabels[type] ?? type)}</th><td>${s?.count ?? r.units.length}</td><td>${s ? vn(s.mean) : ''}</td><td>${s ? vn(s.median) : ''}</td><td>${s ? vn(s.min) : ''}</td><td>${s ? vn(s.max) : ''}</td><td>${r.analysis ? `${vn(r.analysis.share)}%` : ''}</td><td>${withPrevious.length ? `${up}/${withPrevious.length}` : '—'}</td></tr>`;
    })
    .join('');
  const legends = orderedResults(input.results)
    .map(([type, r]) => {
      const fw = input.frameworks[type];
      const items = bandCounts(r, fw)
        .map(
          (b) =>
            `<li><span class="swatch band-${bandIndex(fw, b.label)}"></span><strong>${e(b.label)}</strong>: ${b.max === 100 ? `từ ${b.min} trở lên` : `từ ${b.min} đến dưới ${b.max}`} — ${b.count} đơn vị</li>`,
        )
        .join('');
      return `<div class="legend"><h3>${e(typeLabels[type] ?? type)}: ${e(fw?.name ?? r.frameworkId)}</h3><ul>${items}</ul></div>`;
    })
    .join('');
  return `<section id="tom-tat"><h2>Tóm tắt</h2>
<table class="summary"><caption>Thống kê chỉ số theo loại đơn vị</caption><thead><tr><th scope="col">Loại đơn vị</th><th scope="col">Số đơn vị</th><th scope="col">Trung bình</th><th scope="col">Trung vị</th><th scope="col">Thấp nhất</th><th scope="col">Cao nhất</th><th scope="col">Tỷ lệ điểm đạt</th><th scope="col">Số đơn vị tăng chỉ số</th></tr></thead><tbody>${rows}</tbody></table>
<h3>Thang xếp loại của từng bộ tiêu chí</h3>${legends}</section>`;
}

const bandIndex = (fw: ReportInput['frameworks'][string], label: string) => Math.max(0, fw?.bands.findIndex((b) => b.label === label) ?? 0);

function rankingTable(input: ReportInput, type: string, r: Results): string {
  const fw = input.frameworks[type];
  const names = nodeNames(fw);
  const codes = areaCodes(r, fw);
  const withParent = type === 'commune';
  const head =
    `<th scope="col">Hạng</th><th scope="col">Mã</th><th scope="col">Đơn vị</th>${withParent ? '<th scope="col">Huyện</th>' : ''}` +
    `<th scope="col">Chỉ số</th><th scope="col">Thay đổi so với năm trước (điểm, hạng)</th><th scope="col">Xếp loại</th>` +
    codes.map((c) => `<th scope="col" class="area"><abbr title="${e(names.get(c) ?? c)}">LV ${e(c)}</abbr></th>`).join('');
  const rows = r.units
    .map((u) => {
      const parent = parentOf(input, u);
      const areas = new Map(u.areas.map((a) => [a.code, a]));
      return (
        `<tr><td>${u.rank}</td><td>${e(u.unitId)}</td><th scope="row">${e(u.name)}</th>${withParent ? `<td class="t">${e(parent?.name ?? '')}</td>` : ''}` +
        `<td>${vn(u.index)}</td><td>${changeCell(u)}</td><td class="band-${bandIndex(fw, u.band)}">${e(u.band)}</td>` +
        codes.map((c) => `<td>${areas.has(c) ? vn(areas.get(c)!.index) : '—'}</td>`).join('') +
        '</tr>'
      );
    })
    .join('\n');
  return `<table class="ranking" id="bang-${type}"><caption>Bảng xếp hạng ${e(typeLabels[type] ?? type)} (chỉ số lĩnh vực: LV)</caption><thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table>`;
}

function weaknesses(input: ReportInput, type: string, r: Results): string {
  const a = r.analysis;
  if (!a) return '';
  const names = nodeNames(input.frameworks[type]);
  const byCode = new Map(a.leaves.map((l) => [l.code, l]));
  const leafRows = (codes: string[], measure: 'lost' | 'gap') =>
    codes
      .map((c) => byCode.get(c)!)
      .map(
        (l) =>
          `<tr><td>${e(l.code)}</td><th scope="row">${e(names.get(l.code) ?? '')}</th><td>${vn(l.share)}%</td><td>${vn(l[measure])}</td><td>${l.units}</td></tr>`,
      )
      .join('');
  const areaRows = a.areas
    .map(
      (l) =>
        `<tr><td>${e(l.code)}</td><th scope="row">${e(names.get(l.code) ?? '')}</th><td>${vn(l.share)}%</td><td>${vn(l.lost)}</td><td>${l.units}</td></tr>`,
    )
    .join('');
  const unitRows = a.gapsByUnit
    .map((g) => `<tr><td>${e(g.unitId)}</td><th scope="row">${e(g.name)}</th><td>${vn(g.gap)}</td><td>${g.leaves}</td></tr>`)
    .join('');
  const head = (what: string) =>
    `<thead><tr><th scope="col">Mã</th><th scope="col">Nội dung</th><th scope="col">Tỷ lệ điểm đạt</th><th scope="col">${what}</th><th scope="col">Số đơn vị</th></tr></thead>`;
  return `<h3>Điểm mạnh, điểm yếu</h3>
<p>Các đơn vị đạt ${vn(a.share)}% tổng số điểm tối đa.</p>
<table class="weak"><caption>Tỷ lệ điểm đạt theo lĩnh vực</caption>${head('Điểm bị mất')}<tbody>${areaRows}</tbody></table>
<table class="weak"><caption>Các tiêu chí bị mất nhiều điểm nhất</caption>${head('Điểm bị mất')}<tbody>${leafRows(a.mostLost, 'lost')}</tbody></table>
${a.gapsByLeaf.length ? `<table class="weak"><caption>Chênh lệch lớn nhất giữa điểm tự chấm và điểm thẩm định, theo tiêu chí</caption>${head('Chênh lệch')}<tbody>${leafRows(a.gapsByLeaf, 'gap')}</tbody></table>` : '<p>Không có chênh lệch giữa điểm tự chấm và điểm thẩm định.</p>'}
${unitRows ? `<table class="weak"><caption>Chênh lệch lớn nhất giữa điểm tự chấm và điểm thẩm định, theo đơn vị</caption><thead><tr><th scope="col">Mã</th><th scope="col">Đơn vị</th><th scope="col">Chênh lệch</th><th scope="col">Số tiêu chí bị hạ điểm</th></tr></thead><tbody>${unitRows}</tbody></table>` : ''}`;
}

const style = `@page{size:A4;margin:14mm 12mm}
body{font-family:"Noto Sans","DejaVu Sans",system-ui,sans-serif;font-size:10pt;color:#1a202c;max-width:186mm;margin:1rem auto;padding:0 .5rem;line-height:1.35}
h1{font-size:16pt;margin:.2rem 0}h2{font-size:13pt;border-bottom:2px solid #2b6cb0;margin-top:1.2rem}h3{font-size:11pt;margin:.8rem 0 .3rem}
table{border-collapse:collapse;margin:.5rem 0;width:100%;font-size:8.5pt;page-break-inside:auto}tr{page-break-inside:avoid}
caption{text-align:left;font-weight:600;padding:.2rem 0}td,th{border:1px solid #cbd5e0;padding:.1rem .3rem;vertical-align:top}
thead th{background:#edf2f7}tbody th{text-align:left;font-weight:normal}td{text-align:right}td:nth-child(2){text-align:left}
.legend ul{list-style:none;padding:0;margin:0 0 .4rem;columns:2}.swatch{display:inline-block;width:.8em;height:.8em;margin-right:.3em;vertical-align:middle}
.band-0{color:#22543d}.band-1{color:#2a4365}.band-2{color:#744210}.band-3{color:#7b341e}.band-4{color:#742a2a}
span.band-0{background:#2f855a}span.band-1{background:#3182ce}span.band-2{background:#d69e2e}span.band-3{background:#dd6b20}span.band-4{background:#c53030}
svg{max-width:100%;height:auto;display:block;margin:.3rem 0}abbr{text-decoration:none}
table.ranking{font-size:7.5pt}table.ranking td{white-space:nowrap;padding:.1rem .2rem}table.ranking td.t{text-align:left;white-space:normal}
.page{break-before:page;page-break-before:always}.unit{break-inside:avoid;margin-bottom:.8rem}
@media screen{.page{border-top:1px dashed #a0aec0;padding-top:.5rem;margin-top:1.5rem}}`;

export function resultsHtml(input: ReportInput): string {
  const sections = orderedResults(input.results)
    .map(
      ([type, r], i) => `<section class="page" id="loai-${type}"><h2>${e(typeLabels[type] ?? type)}</h2>
${chart(type, r, input.frameworks[type], `chart-${i}`)}
${rankingTable(input, type, r)}
${weaknesses(input, type, r)}</section>`,
    )
    .join('\n');
  const previous = orderedResults(input.results).find(([, r]) => r.previousYear)?.[1].previousYear;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Chỉ số CCHC năm ${input.year}</title>
<style>${style}</style>
</head><body><header><h1>Kết quả Chỉ số cải cách hành chính năm ${input.year}</h1>
<p>${e(input.decision)} — phê duyệt ngày ${vietnamDate(input.approvedAt)}.${previous ? ` So sánh với kết quả đã công bố năm ${previous}.` : ''}</p></header>
${summary(input)}
${sections}
${unitPages(input)}
</body></html>`;
}
