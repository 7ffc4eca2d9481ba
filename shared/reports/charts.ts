/**
 * The report's charts as inline SVG (no scripts, prints as vectors): a bar chart with an index
 * axis for a few dozen units, a compact dot (strip) plot for many (157 communes fit in ~130 px).
 * Each chart is an accessible image: role="img" with a <title> and a <desc> that says in words
 * what it shows; every bar or dot carries its own <title> (unit and index).
 */
import type { Framework } from '../schemas/files/framework.ts';
import type { Results } from '../schemas/files/results.ts';
import { escapeHtml } from './escape.ts';
import { bandCounts, typeLabels, vn } from './model.ts';

const width = 720;
const bandColours = ['#2f855a', '#3182ce', '#d69e2e', '#dd6b20', '#c53030', '#718096'];
export const bandColour = (framework: Framework | undefined, label: string) =>
  bandColours[Math.max(0, framework?.bands.findIndex((b) => b.label === label) ?? 0)] ?? '#718096';

function axis(x: (v: number) => number, y: number, from: number): string {
  const ticks: string[] = [];
  for (let v = from; v <= 100; v += from >= 50 ? 10 : 20) {
    ticks.push(
      `<line x1="${x(v)}" y1="${y}" x2="${x(v)}" y2="${y + 4}" stroke="#4a5568"/>` +
        `<text x="${x(v)}" y="${y + 15}" text-anchor="middle">${v}</text>`,
    );
  }
  return `<g class="axis" aria-hidden="true"><line x1="${x(from)}" y1="${y}" x2="${x(100)}" y2="${y}" stroke="#4a5568"/>${ticks.join('')}<text x="${x(100)}" y="${y + 28}" text-anchor="end">Chỉ số (điểm trên thang 100)</text></g>`;
}

function thresholds(framework: Framework | undefined, x: (v: number) => number, top: number, bottom: number, from: number): string {
  return (framework?.bands ?? [])
    .filter((b) => b.min > from)
    .map(
      // Labels alternate between two lines so that close thresholds stay readable.
      (b, i) =>
        `<line x1="${x(b.min)}" y1="${top}" x2="${x(b.min)}" y2="${bottom}" stroke="#a0aec0" stroke-dasharray="3 3"/>` +
        `<text x="${x(b.min) + 2}" y="${top + 8 + (i % 2) * 10}" fill="#4a5568">${escapeHtml(b.label)} ≥ ${b.min}</text>`,
    )
    .join('');
}

function description(type: string, r: Results, framework: Framework | undefined): string {
  const s = r.stats[type as keyof typeof r.stats];
  const bands = bandCounts(r, framework)
    .map((b) => `${b.count} đơn vị ${b.label}`)
    .join(', ');
  return s
    ? `${s.count} đơn vị; chỉ số từ ${vn(s.min)} đến ${vn(s.max)}, trung bình ${vn(s.mean)}, trung vị ${vn(s.median)}; ${bands}.`
    : `${r.units.length} đơn vị.`;
}

/** Horizontal bars, one per unit in rank order, on a 0-100 axis with the band thresholds. */
export function barChart(type: string, r: Results, framework: Framework | undefined, id: string): string {
  const row = 16;
  const label = 250;
  const top = 24;
  const x = (v: number) => +(label + ((width - label - 50) * v) / 100).toFixed(1);
  const bottom = top + r.units.length * row;
  const bars = r.units
    .map((u, i) => {
      const y = top + i * row;
      return (
        `<g><title>${escapeHtml(u.name)}: ${vn(u.index)} (${escapeHtml(u.band)}, hạng ${u.rank})</title>` +
        `<text x="${label - 6}" y="${y + 11}" text-anchor="end">${u.rank}. ${escapeHtml(u.name)}</text>` +
        `<rect x="${x(0)}" y="${y + 2}" width="${(x(u.index) - x(0)).toFixed(1)}" height="${row - 4}" fill="${bandColour(framework, u.band)}"/>` +
        `<text x="${(x(u.index) + 3).toFixed(1)}" y="${y + 11}">${vn(u.index)}</text></g>`
      );
    })
    .join('');
  return svg(id, type, r, framework, bottom + 34, `${thresholds(framework, x, 0, bottom, 0)}${bars}${axis(x, bottom + 2, 0)}`);
}

/** One dot per unit on the index axis, stacked where indexes are close: many units in little height. */
export function dotPlot(type: string, r: Results, framework: Framework | undefined, id: string): string {
  const low = r.units.reduce((m, u) => Math.min(m, u.index), 100);
  const from = Math.max(0, Math.min(50, Math.floor(low / 10) * 10));
  const x = (v: number) => +(20 + ((width - 40) * (v - from)) / (100 - from)).toFixed(1);
  const radius = 3.2;
  const stacks = new Map<number, number>();
  const dots = [...r.units]
    .sort((a, b) => a.index - b.index)
    .map((u) => {
      const bin = Math.round(x(u.index) / (radius * 2));
      const level = stacks.get(bin) ?? 0;
      stacks.set(bin, level + 1);
      return { u, cx: bin * radius * 2, level };
    });
  const height = Math.max(...dots.map((d) => d.level), 0) * radius * 2 + 40;
  const base = height;
  const body = dots
    .map(
      ({ u, cx, level }) =>
        `<circle cx="${cx.toFixed(1)}" cy="${(base - radius - level * radius * 2).toFixed(1)}" r="${radius}" fill="${bandColour(framework, u.band)}"><title>${escapeHtml(u.name)} (${escapeHtml(u.unitId)}): ${vn(u.index)}, hạng ${u.rank}</title></circle>`,
    )
    .join('');
  return svg(id, type, r, framework, base + 34, `${thresholds(framework, x, 0, base, from)}${body}${axis(x, base + 1, from)}`);
}

function svg(id: string, type: string, r: Results, framework: Framework | undefined, height: number, body: string): string {
  const title = `Chỉ số CCHC ${typeLabels[type] ?? type}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height.toFixed(0)}" width="${width}" height="${height.toFixed(0)}" font-size="10" font-family="sans-serif" role="img" aria-labelledby="${id}-t ${id}-d">` +
    `<title id="${id}-t">${escapeHtml(title)}</title><desc id="${id}-d">${escapeHtml(description(type, r, framework))}</desc>${body}</svg>`
  );
}

/** Bars for a few dozen units, dots beyond. */
export function chart(type: string, r: Results, framework: Framework | undefined, id: string): string {
  return r.units.length > 40 ? dotPlot(type, r, framework, id) : barChart(type, r, framework, id);
}
