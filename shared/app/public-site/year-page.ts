/**
 * A published year: rankings per unit type with the area sub-indexes, the report files with their
 * checksums, open data. Published data only (the public use cases), so a draft never shows here.
 */
import type { Caller } from '../../domain/roles.ts';
import type { UnitType } from '../../schemas/files/framework.ts';
import type { Results } from '../../schemas/files/results.ts';
import { allPublishedYears } from '../results/previous-publications.ts';
import { publicReports } from '../results/public-reports.ts';
import { publicResults } from '../results/public-results.ts';
import { esc, fmt, fmtDate, fmtInt, fmtSigned, layout, table, unitTypeNames } from './html.ts';
import { areaNames, home, type Page } from './page.ts';

const anonymous: Caller = { subject: 'anonymous', username: 'anonymous', roles: [], areas: [] };
const typeOrder: UnitType[] = ['department', 'district', 'commune'];

function typeSection(type: UnitType, results: Results, names: Map<string, string>): string {
  const areas = results.units[0]?.areas.map((a) => a.code) ?? [];
  const stats = results.stats[type];
  const head = [
    'Hạng',
    'Đơn vị',
    'Chỉ số',
    'Xếp loại',
    'Thay đổi so với năm trước',
    ...areas.map((c) => `<abbr title="${esc(names.get(c) ?? c)}">LV ${esc(c)}</abbr>`),
  ];
  const rows = results.units.map((u) => [
    fmtInt(u.rank),
    `<a href="/cong-khai/don-vi/${encodeURIComponent(u.unitId)}">${esc(u.name)}</a>`,
    fmt(u.index),
    esc(u.band),
    u.change ? `${fmtSigned(u.change.index)} điểm` : '<span class="muted">—</span>',
    ...areas.map((c) => fmt(u.areas.find((a) => a.code === c)?.index)),
  ]);
  const numeric = new Set([0, 2, ...areas.map((_c, i) => 5 + i)]);
  const legend = areas.map((c) => `LV ${esc(c)}: ${esc(names.get(c) ?? c)}`).join('; ');
  const summary = stats
    ? `<p>${fmtInt(stats.count)} đơn vị; trung bình ${fmt(stats.mean)}, trung vị ${fmt(stats.median)}, thấp nhất ${fmt(stats.min)}, cao nhất ${fmt(stats.max)}.</p>`
    : '';
  return `<section aria-labelledby="t-${type}"><h2 id="t-${type}">${esc(unitTypeNames[type] ?? type)}</h2>${summary}
${table(`Xếp hạng ${unitTypeNames[type] ?? type}; chỉ số thành phần theo lĩnh vực (LV), thang 100`, head, rows, numeric)}
<p class="muted">${legend}</p></section>`;
}

type Files = { name: string; bytes: number; sha256: string; url?: string }[];

/** Seconds after an approval its files are still being written: said so, in place of links that do not exist yet. */
const pendingNotice = (pending: boolean) =>
  pending
    ? '<p class="notice" role="status">Báo cáo đang được tạo: các tệp của quyết định vừa phê duyệt sẽ có tại đây sau ít giây. Tải lại trang để xem.</p>'
    : '';

function filesSection(year: number, files: Files, pending: boolean): string {
  const rows = files.map((f) => [
    f.url ? `<a href="${esc(f.url)}">${esc(f.name)}</a>` : esc(f.name),
    fmtInt(f.bytes),
    `<code>${esc(f.sha256)}</code>`,
  ]);
  const listed = files.length
    ? table('Tệp báo cáo đã công bố, dung lượng (byte) và mã kiểm tra SHA-256', ['Tệp', 'Dung lượng (byte)', 'SHA-256'], rows, new Set([1]))
    : '';
  return `<section aria-labelledby="files"><h2 id="files">Tệp báo cáo</h2>
${pendingNotice(pending)}${listed}
<p class="muted">Liên kết tải có hiệu lực 1 giờ; danh sách luôn mới tại <a href="/cong-khai/${year}">trang này</a>. Kiểm tra tệp: <code>sha256sum tên-tệp</code>.</p></section>
<section aria-labelledby="open"><h2 id="open">Dữ liệu mở</h2>
<p>Bộ dữ liệu máy đọc được (mỗi đơn vị một bản ghi, mã đơn vị ổn định, từ điển dữ liệu): <a href="/v1/public/results/${year}/open-data">bộ dữ liệu mở (JSON)</a>; cùng các tệp <code>open-data-${year}.csv</code> và <code>data-dictionary-${year}.csv</code> ở bảng trên.</p></section>`;
}

export async function yearPage(year: number, type?: UnitType): Promise<Page> {
  const [published, reports, years] = await Promise.all([
    publicResults(anonymous, { year, type }),
    publicReports(anonymous, { year }),
    allPublishedYears(),
  ]);
  const sections: string[] = [];
  for (const t of typeOrder) {
    const r = published.results[t];
    if (r) sections.push(typeSection(t, r, await areaNames(r.frameworkId)));
  }
  const options = [
    `<option value="">Tất cả loại đơn vị</option>`,
    ...typeOrder.map((t) => `<option value="${t}"${t === type ? ' selected' : ''}>${esc(unitTypeNames[t])}</option>`),
  ];
  const others = years.filter((y) => y !== year).map((y) => `<a href="/cong-khai/${y}">${y}</a>`);
  const body = `<h1>Kết quả Chỉ số CCHC năm ${year}</h1>
<p>${esc(published.decision)}, phê duyệt ngày ${esc(fmtDate(published.approvedAt))}.${others.length ? ` Năm khác: ${others.join(', ')}.` : ''}</p>
<form class="pick" method="get" action="/cong-khai/${year}"><div><label for="type">Loại đơn vị</label><select id="type" name="type">${options.join('')}</select></div><button type="submit">Xem</button></form>
${sections.join('\n')}
${filesSection(year, reports.files, reports.reports === 'pending')}`;
  const title = `Kết quả Chỉ số CCHC năm ${year}${type ? ` — ${unitTypeNames[type]}` : ''}`;
  return {
    status: 200,
    html: layout({
      title,
      description: `Xếp hạng, chỉ số thành phần, báo cáo và dữ liệu mở năm ${year}.`,
      crumbs: [home, { label: `Năm ${year}` }],
      body,
    }),
  };
}
