import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvCell, resultsCsv } from '../../shared/reports/csv.ts';
import { escapeHtml, resultsHtml } from '../../shared/reports/html.ts';
import { resultsXlsx } from '../../shared/reports/xlsx.ts';
import type { Results } from '../../shared/schemas/results.ts';

const unit = (name: string, rank: number, index: number) => ({
  unitId: `U${rank}`,
  name,
  unitType: 'commune' as const,
  achieved: index,
  bonusTotal: 0,
  penaltyTotal: 0,
  total: index,
  maxApplicable: 100,
  index,
  rank,
  band: 'Khá',
  selfTotal: index,
  surveyTotal: 0,
  missing: [],
  areas: [],
});
const results: Results = {
  frameworkId: 'commune-2024',
  units: [unit('=HYPERLINK("http://x")', 1, 88.5), unit('Xã "Tân" <Hòa>', 2, 70.25)],
  stats: { commune: { count: 2, mean: 79.38, median: 79.38, min: 70.25, max: 88.5 } },
};

describe('published report files', () => {
  it('neutralises spreadsheet formulas in CSV text cells and keeps numbers numeric', () => {
    for (const payload of ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx'])
      expect(csvCell(payload).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell(-2.5)).toBe('-2.5');
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    const csv = resultsCsv({ commune: results });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`commune,1,U1,"'=HYPERLINK(""http://x"")",88.5,Khá`);
  });

  it('escapes names in the HTML report and draws one bar per unit', () => {
    expect(escapeHtml(`<img src=x onerror="a">&'`)).toBe('&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;');
    const html = resultsHtml({ year: 2026, decision: 'Quyết định <1>', approvedAt: '2027-02-01T00:00:00Z', results: { commune: results } });
    expect(html).toContain('Xã &quot;Tân&quot; &lt;Hòa&gt;');
    expect(html).not.toContain('<Hòa>');
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/<rect /g)).toHaveLength(2);
  });

  it('writes the XLSX with numbers as numbers and names as text, never formulas', async () => {
    const a = await resultsXlsx(new Date('2027-02-01T00:00:00Z'), { commune: results });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(a as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('commune')!;
    expect(sheet.getRow(2).getCell(4).value).toBe(88.5);
    const name = sheet.getRow(2).getCell(3);
    expect(name.formula).toBeUndefined();
    expect(name.text).toBe('=HYPERLINK("http://x")');
  });
});
