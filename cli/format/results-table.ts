/**
 * `par compute --format table`: the results as a plain-text Vietnamese table, one block per unit
 * type: rank, unit, index, band, points, and the group's statistics. Numbers use the Vietnamese
 * decimal comma and are printed from their exact decimal strings (no float formatting).
 */
import type { Framework, UnitType } from '../../shared/schemas/files/framework.ts';
import type { Results } from '../../shared/schemas/files/results.ts';

const typeLabels: Record<UnitType, string> = {
  province: 'Ủy ban nhân dân tỉnh',
  department: 'Sở, ban, ngành tỉnh',
  district: 'Ủy ban nhân dân cấp huyện',
  commune: 'Ủy ban nhân dân cấp xã',
};

/** 86.5 → "86,50": two decimals, decimal comma. */
export function vnNumber(n: number): string {
  const [int = '0', frac = ''] = String(n).split('.');
  return `${int},${frac.padEnd(2, '0')}`;
}

const width = (s: string) => [...s.normalize('NFC')].length;
const pad = (s: string, w: number, right = false) => {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
};

function table(header: string[], rows: string[][], rightAligned: ReadonlySet<number>): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0, rightAligned.has(i)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function resultsTable(framework: Framework, results: Results): string {
  const out: string[] = [`Kết quả Chỉ số cải cách hành chính — ${framework.name} (${results.frameworkId})`];
  const types = [...new Set(results.units.map((u) => u.unitType))];
  for (const type of types) {
    const units = results.units.filter((u) => u.unitType === type);
    out.push('', `${typeLabels[type]}: ${units.length} đơn vị`);
    const header = ['Hạng', 'Đơn vị', 'Chỉ số', 'Xếp loại', 'Điểm đạt', 'Thưởng', 'Trừ', 'Tổng điểm', 'Điểm tối đa', 'Thiếu điểm (số: mã)'];
    const rows = units.map((u) => [
      String(u.rank),
      u.name,
      vnNumber(u.index),
      u.band,
      vnNumber(u.achieved),
      vnNumber(u.bonusTotal),
      vnNumber(u.penaltyTotal),
      vnNumber(u.total),
      vnNumber(u.maxApplicable),
      // A long list would drown the table: the count and the first few codes (JSON has them all).
      u.missing.length === 0 ? '' : `${u.missing.length}: ${u.missing.slice(0, 3).join(', ')}${u.missing.length > 3 ? ', …' : ''}`,
    ]);
    out.push(table(header, rows, new Set([0, 2, 4, 5, 6, 7, 8])));
    const s = results.stats[type];
    if (s)
      out.push(
        `Thống kê: ${s.count} đơn vị; trung bình ${vnNumber(s.mean)}; trung vị ${vnNumber(s.median)}; ` +
          `thấp nhất ${vnNumber(s.min)}; cao nhất ${vnNumber(s.max)}`,
      );
  }
  return `${out.join('\n')}\n`;
}
