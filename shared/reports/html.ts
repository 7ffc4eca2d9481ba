/** The published report as one self-contained HTML page (no scripts, no external assets), with bar charts. */
import type { Results } from '../schemas/results.ts';

const typeLabels: Record<string, string> = {
  department: 'Sở, ban, ngành tỉnh',
  district: 'UBND cấp huyện',
  commune: 'UBND cấp xã',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const vn = (n: number) => n.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function chart(r: Results): string {
  const rowHeight = 18;
  const width = 720;
  const labelWidth = 260;
  const bars = r.units
    .map((u, i) => {
      const y = i * rowHeight;
      const w = ((width - labelWidth - 60) * u.index) / 100;
      return (
        `<text x="${labelWidth - 6}" y="${y + 13}" text-anchor="end">${escapeHtml(u.name)}</text>` +
        `<rect x="${labelWidth}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowHeight - 6}" fill="#2b6cb0"/>` +
        `<text x="${(labelWidth + w + 4).toFixed(1)}" y="${y + 13}">${vn(u.index)}</text>`
      );
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${r.units.length * rowHeight}" font-size="11" font-family="sans-serif" role="img" aria-label="Biểu đồ chỉ số">${bars}</svg>`;
}

export function resultsHtml(input: {
  year: number;
  decision: string;
  approvedAt: string;
  results: Partial<Record<string, Results>>;
}): string {
  const sections = Object.entries(input.results)
    .map(([type, r]) => {
      if (!r) return '';
      const rows = r.units
        .map(
          (u) =>
            `<tr><td>${u.rank}</td><td>${escapeHtml(u.name)}</td><td>${vn(u.index)}</td><td>${escapeHtml(u.band)}</td><td>${vn(u.total)}</td><td>${vn(u.maxApplicable)}</td></tr>`,
        )
        .join('\n');
      const s = r.stats[type as keyof typeof r.stats];
      const stats = s
        ? `<p>Số đơn vị: ${s.count}; trung bình ${vn(s.mean)}; trung vị ${vn(s.median)}; thấp nhất ${vn(s.min)}; cao nhất ${vn(s.max)}.</p>`
        : '';
      return `<section><h2>${escapeHtml(typeLabels[type] ?? type)}</h2>${stats}${chart(r)}
<table><thead><tr><th>Hạng</th><th>Đơn vị</th><th>Chỉ số</th><th>Xếp loại</th><th>Tổng điểm</th><th>Điểm tối đa</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
    })
    .join('\n');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Chỉ số CCHC năm ${input.year}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.2rem .5rem}td:nth-child(n+3){text-align:right}</style>
</head><body><h1>Kết quả Chỉ số cải cách hành chính năm ${input.year}</h1>
<p>${escapeHtml(input.decision)} — phê duyệt ngày ${escapeHtml(input.approvedAt.slice(0, 10))}.</p>
${sections}
</body></html>`;
}
