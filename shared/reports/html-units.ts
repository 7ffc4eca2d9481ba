/** The report's unit pages: one per department and district, one per district for its communes. */
import type { Results, UnitResultJson } from '../schemas/files/results.ts';
import { escapeHtml as e } from './escape.ts';
import { comparisonLabels, nodeNames, orderedResults, parentOf, signed, typeLabels, vn, type ReportInput } from './model.ts';
import { compareVietnamese } from '../domain/collation.ts';

const changeText = (u: UnitResultJson) =>
  u.previous && u.change
    ? `năm ${u.previous.year}: ${vn(u.previous.index)}${u.previous.band ? ` (${e(u.previous.band)})` : ''}${u.previous.rank ? `, hạng ${u.previous.rank}` : ''}; thay đổi ${signed(u.change.index)} điểm${u.change.rank === null ? '' : `, ${u.change.rank >= 0 ? 'tăng' : 'giảm'} ${Math.abs(u.change.rank)} bậc`}${u.previous.unitIds.length > 1 ? ` (so với các đơn vị trước sáp nhập: ${u.previous.unitIds.map(e).join(', ')})` : ''}`
    : 'chưa có kết quả năm trước để so sánh';

function areaTable(u: UnitResultJson, names: Map<string, string>): string {
  const rows = u.areas
    .map(
      (a) =>
        `<tr><td>${e(a.code)}</td><th scope="row">${e(names.get(a.code) ?? '')}</th><td>${vn(a.score)} / ${vn(a.max)}</td><td>${vn(a.index)}</td>` +
        `<td>${a.previousIndex == null ? `<small>${e(comparisonLabels[a.comparison ?? 'no-previous'] ?? '')}</small>` : vn(a.previousIndex)}</td><td>${a.change == null ? '—' : signed(a.change)}</td></tr>`,
    )
    .join('');
  return `<table class="areas"><caption>Chỉ số theo lĩnh vực</caption><thead><tr><th scope="col">Mã</th><th scope="col">Lĩnh vực</th><th scope="col">Điểm</th><th scope="col">Chỉ số</th><th scope="col">Năm trước</th><th scope="col">Thay đổi</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function weakestTable(u: UnitResultJson, names: Map<string, string>): string {
  if (!u.weakest?.length) return '<p>Không có tiêu chí bị mất điểm.</p>';
  const rows = u.weakest
    .map(
      (w) =>
        `<tr><td>${e(w.code)}</td><th scope="row">${e(names.get(w.code) ?? '')}</th><td>${vn(w.score)}</td><td>${vn(w.max)}</td><td>${vn(w.lost)}</td></tr>`,
    )
    .join('');
  return `<table class="weakest"><caption>Năm tiêu chí bị mất nhiều điểm nhất</caption><thead><tr><th scope="col">Mã</th><th scope="col">Tiêu chí</th><th scope="col">Điểm đạt</th><th scope="col">Điểm tối đa</th><th scope="col">Điểm bị mất</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function unitBlock(u: UnitResultJson, names: Map<string, string>): string {
  return `<article class="unit" id="don-vi-${e(u.unitId)}"><h3>${u.rank}. ${e(u.name)} <small>(${e(u.unitId)})</small></h3>
<p>Chỉ số ${vn(u.index)} — ${e(u.band)} — hạng ${u.rank}; tổng điểm ${vn(u.total)} / ${vn(u.maxApplicable)} (thưởng ${vn(u.bonusTotal)}, trừ ${vn(u.penaltyTotal)})${u.missing.length ? `; thiếu điểm: ${u.missing.map(e).join(', ')}` : ''}.<br>So với ${changeText(u)}.</p>
${areaTable(u, names)}${weakestTable(u, names)}</article>`;
}

function communePages(input: ReportInput, r: Results, names: Map<string, string>): string {
  const byDistrict = new Map<string, { name: string; units: UnitResultJson[] }>();
  for (const u of r.units) {
    const parent = parentOf(input, u) ?? { id: '-', name: 'Trực thuộc tỉnh' };
    const group = byDistrict.get(parent.id) ?? { name: parent.name, units: [] };
    group.units.push(u);
    byDistrict.set(parent.id, group);
  }
  return [...byDistrict.entries()]
    .sort((a, b) => compareVietnamese(a[1].name, b[1].name))
    .map(([id, g]) => {
      const rows = g.units
        .map(
          (u) =>
            `<tr><td>${u.rank}</td><td>${e(u.unitId)}</td><th scope="row">${e(u.name)}</th><td>${vn(u.index)}</td><td>${u.change ? signed(u.change.index) : '—'}</td><td>${e(u.band)}</td>` +
            `<td>${u.areas.map((a) => `${e(a.code)}: ${vn(a.index)}`).join('; ')}</td><td>${(u.weakest ?? [])
              .slice(0, 3)
              .map((w) => `<abbr title="${e(names.get(w.code) ?? '')}">${e(w.code)}</abbr> (−${vn(w.lost)})`)
              .join(', ')}</td></tr>`,
        )
        .join('');
      return `<section class="page" id="huyen-${e(id)}"><h2>${e(typeLabels.commune!)} thuộc ${e(g.name)}</h2>
<table class="district"><caption>${g.units.length} xã, thị trấn của ${e(g.name)}</caption><thead><tr><th scope="col">Hạng</th><th scope="col">Mã</th><th scope="col">Đơn vị</th><th scope="col">Chỉ số</th><th scope="col">Thay đổi</th><th scope="col">Xếp loại</th><th scope="col">Chỉ số lĩnh vực</th><th scope="col">Tiêu chí yếu nhất (điểm bị mất)</th></tr></thead><tbody>${rows}</tbody></table></section>`;
    })
    .join('\n');
}

export function unitPages(input: ReportInput): string {
  return orderedResults(input.results)
    .map(([type, r]) => {
      const names = nodeNames(input.frameworks[type]);
      if (type === 'commune') return communePages(input, r, names);
      return `<section class="page" id="chi-tiet-${type}"><h2>Chi tiết từng đơn vị: ${e(typeLabels[type] ?? type)}</h2>
${r.units.map((u) => unitBlock(u, names)).join('\n')}</section>`;
    })
    .join('\n');
}
