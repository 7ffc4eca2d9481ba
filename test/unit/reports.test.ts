/** The published report files, checked structurally: HTML tables parsed, CSV parsed in both variants, XLSX read back. */
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import { describe, expect, it, vi } from 'vitest';
import { csvCell, resultsCsv } from '../../shared/reports/csv.ts';
import { escapeHtml, resultsHtml } from '../../shared/reports/html.ts';
import { dataDictionary, dictionaryCsv, openDataCsv, openDataJson } from '../../shared/reports/open-data.ts';
import { buildReportFiles } from '../../shared/reports/report-files.ts';
import { resultsXlsx } from '../../shared/reports/xlsx.ts';
import { reportFixture } from './support/report-fixture.ts';

const input = reportFixture();
const communes = input.results.commune!;
const departments = input.results.department!;
const vn = (n: number) => n.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
const cells = (row: HTMLElement) => row.querySelectorAll('td, th').map((c) => c.text.trim());

describe('HTML report', () => {
  const html = resultsHtml(input);
  const doc = parseHtml(html);

  it('is one Vietnamese, print-ready page without scripts, names escaped', () => {
    expect(doc.querySelector('html')!.getAttribute('lang')).toBe('vi');
    expect(html).toContain('@page{size:A4');
    expect(html).not.toMatch(/<script/i);
    expect(escapeHtml(`<img src=x onerror="a">&'`)).toBe('&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;');
    expect(html).toContain('&lt;mô phỏng&gt;');
    expect(doc.querySelector('header p')!.text).toContain('15/01/2033');
  });

  it('summarises each unit type, departments first, and shows each framework’s band legend with counts', () => {
    const rows = doc.querySelectorAll('table.summary tbody tr').map(cells);
    expect(rows.map((r) => r[0])).toEqual(['Sở, ban, ngành tỉnh', 'UBND cấp xã']);
    expect(rows[1]![1]).toBe('45');
    expect(rows[1]![2]).toBe(vn(communes.stats.commune!.mean));
    const legends = doc.querySelectorAll('.legend');
    expect(legends).toHaveLength(2);
    const communeBands = input.frameworks.commune!.bands;
    const items = legends[1]!.querySelectorAll('li').map((li) => li.text);
    expect(items).toHaveLength(communeBands.length);
    const counted = items.reduce((n, t) => n + Number(/— (\d+) đơn vị/.exec(t)![1]), 0);
    expect(counted).toBe(45);
  });

  it('draws bars on an axis for departments and a compact dot plot for communes, both accessible', () => {
    const [deptChart, communeChart] = doc.querySelectorAll('svg');
    expect(deptChart!.getAttribute('role')).toBe('img');
    expect(deptChart!.querySelector('title')!.text).toContain('Sở, ban, ngành');
    expect(deptChart!.querySelector('desc')!.text).toContain('3 đơn vị');
    expect(deptChart!.querySelectorAll('rect')).toHaveLength(3);
    expect(deptChart!.querySelectorAll('.axis text').map((t) => t.text)).toEqual(expect.arrayContaining(['0', '20', '100']));
    expect(communeChart!.querySelectorAll('circle')).toHaveLength(45);
    expect(communeChart!.querySelectorAll('rect')).toHaveLength(0);
    expect(Number(communeChart!.getAttribute('height'))).toBeLessThan(250);
    expect(communeChart!.querySelector('circle title')!.text).toMatch(/^.+ \(X-H\d-\d+\): \d+,\d\d, hạng \d+$/);
  });

  it('ranks communes with id, district, index, change, band and area sub-indexes, telling namesakes apart', () => {
    const table = doc.querySelector('#bang-commune')!;
    const head = cells(table.querySelector('thead tr')!);
    const areas = input.frameworks.commune!.areas.map((a) => `LV ${a.code}`);
    expect(head).toEqual(['Hạng', 'Mã', 'Đơn vị', 'Huyện', 'Chỉ số', 'Thay đổi so với năm trước (điểm, hạng)', 'Xếp loại', ...areas]);
    const rows = table.querySelectorAll('tbody tr').map(cells);
    expect(rows).toHaveLength(45);
    communes.units.forEach((u, i) => {
      const row = rows[i]!;
      expect(row.slice(0, 3)).toEqual([String(u.rank), u.unitId, u.name]);
      expect(row[4]).toBe(vn(u.index));
      expect(row[5]).toMatch(new RegExp(`^[+−]?${vn(Math.abs(u.change!.index)).replace(',', ',')}`));
      expect(row[6]).toBe(u.band);
      expect(row.slice(7)).toEqual(u.areas.map((a) => vn(a.index)));
    });
    const namesakes = rows.filter((r) => r[2] === 'Xã Mỹ Thạnh');
    expect(namesakes.map((r) => r[3]).sort()).toEqual(['Huyện Ba Tri', 'Huyện Thạnh Phú']);
    expect(new Set(namesakes.map((r) => r[1])).size).toBe(2);
  });

  it('has a weaknesses section and a page per department and per district of communes', () => {
    const mostLost = doc.querySelectorAll('#loai-commune table.weak')[1]!;
    const rows = mostLost.querySelectorAll('tbody tr').map(cells);
    expect(rows.map((r) => r[0])).toEqual(communes.analysis!.mostLost);
    expect(doc.querySelectorAll('#chi-tiet-department article.unit')).toHaveLength(3);
    const first = doc.querySelector(`#don-vi-${departments.units[0]!.unitId}`)!;
    expect(first.querySelectorAll('table.weakest tbody tr')).toHaveLength(departments.units[0]!.weakest!.length);
    expect(first.querySelector('p')!.text).toContain(`năm 2031: ${vn(departments.units[0]!.previous!.index)}`);
    const districts = doc.querySelectorAll('section[id^="huyen-"]');
    expect(districts.map((d) => d.getAttribute('id'))).toEqual(['huyen-H1', 'huyen-H2']);
    expect(districts.map((d) => d.querySelectorAll('tbody tr').length)).toEqual([25, 20]);
  });
});

describe('CSV files', () => {
  it('neutralises spreadsheet formulas in text cells and keeps numbers numeric', () => {
    for (const payload of ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx'])
      expect(csvCell(payload).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell(-2.5)).toBe('-2.5');
    expect(csvCell(-2.5, ';')).toBe('-2,5');
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
  });

  for (const separator of [',', ';'] as const) {
    it(`has Vietnamese headers, unit ids, parents, changes and areas (separator "${separator}")`, () => {
      const text = resultsCsv(input, { separator });
      expect(text.startsWith('\uFEFF')).toBe(true);
      const rows = parseCsv(text, { bom: true, delimiter: separator, columns: true }) as Record<string, string>[];
      expect(rows).toHaveLength(48);
      const number = (s: string) => Number(separator === ';' ? s.replace(',', '.') : s);
      expect(rows[0]!['Loại đơn vị']).toBe('Sở, ban, ngành tỉnh');
      const trap = rows.find((r) => r['Mã đơn vị'] === 'X-H1-8')!;
      expect(trap['Tên đơn vị']).toBe(`'=HYPERLINK("http://x")`);
      expect(trap['Mã đơn vị cấp trên']).toBe('H1');
      expect(trap['Đơn vị cấp trên']).toBe('Huyện Ba Tri');
      const unit = communes.units.find((u) => u.unitId === 'X-H1-8')!;
      expect(number(trap['Chỉ số']!)).toBe(unit.index);
      expect(number(trap['Thay đổi chỉ số']!)).toBe(unit.change!.index);
      expect(number(trap['Chỉ số năm trước']!)).toBe(unit.previous!.index);
      expect(number(trap['Chỉ số lĩnh vực 1']!)).toBe(unit.areas[0]!.index);
      if (separator === ';') expect(trap['Chỉ số']).toMatch(/^\d+(,\d+)?$/);
    });
  }

  it('publishes an open-data bundle: JSON and CSV with one data dictionary', () => {
    const bundle = openDataJson(input);
    expect(bundle.units).toHaveLength(48);
    expect(bundle.dictionary).toBe(dataDictionary);
    const rows = parseCsv(openDataCsv(input), { columns: true }) as Record<string, string>[];
    const columns = Object.keys(rows[0]!);
    for (const c of columns)
      expect(
        dataDictionary.some((d) => d.column === c || new RegExp(`^${d.column.replace('{code}', '[0-9.]+')}$`).test(c)),
        c,
      ).toBe(true);
    const commune = rows.find((r) => r.unit_id === 'X-H2-31')!;
    expect(commune).toMatchObject({ unit_type: 'commune', parent_id: 'H2', year: '2032' });
    expect(Number(commune.index)).toBe(communes.units.find((u) => u.unitId === 'X-H2-31')!.index);
    expect((parseCsv(dictionaryCsv(), { bom: true, columns: true }) as unknown[]).length).toBe(dataDictionary.length);
  });
});

describe('XLSX workbook', () => {
  it('has Vietnamese sheets with a title, the decision, a bold frozen header with filters and 2-decimal numbers', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await resultsXlsx(input)) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Sở, ban, ngành tỉnh',
      'UBND cấp xã',
      'Lĩnh vực',
      'Thưởng, trừ, thiếu điểm',
      'Điểm yếu theo tiêu chí',
      'Điểm yếu theo đơn vị',
      'So sánh năm trước',
    ]);
    const sheet = book.getWorksheet('UBND cấp xã')!;
    expect(sheet.getCell('A1').text).toBe('Kết quả Chỉ số CCHC năm 2032: UBND cấp xã');
    expect(sheet.getCell('A2').text).toContain('Quyết định số 12/QĐ-HĐTĐ');
    const header = sheet.getRow(3);
    expect(header.getCell(1).text).toBe('Hạng');
    expect(header.getCell(6).text).toBe('Chỉ số');
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(String(sheet.autoFilter)).toMatch(/^A3:[A-Z]+48$/);
    const first = communes.units[0]!;
    const row = sheet.getRow(4);
    expect(row.getCell(2).value).toBe(first.unitId);
    expect(row.getCell(6).value).toBe(first.index);
    expect(row.getCell(6).numFmt).toBe('0.00');
    expect(row.getCell(15).value).toBe(first.change!.index);
    const trap = sheet
      .getRows(4, 45)!
      .find((r) => r.getCell(2).value === 'X-H1-8')!
      .getCell(3);
    expect(trap.formula).toBeUndefined();
    expect(trap.text).toBe('=HYPERLINK("http://x")');
    const weak = book.getWorksheet('Điểm yếu theo tiêu chí')!;
    expect(weak.rowCount).toBe(3 + departments.analysis!.leaves.length + communes.analysis!.leaves.length);
    const yoy = book.getWorksheet('So sánh năm trước')!;
    expect(yoy.getRow(4).getCell(5).value).toBe(departments.units[0]!.previous!.index);
  });

  it('is the same bytes for the same publication whatever the clock (a retried report function writes the same objects)', async () => {
    const first = await buildReportFiles(input);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2040-07-08T09:10:11Z'));
      const later = await buildReportFiles(input);
      expect(later.map((f) => f.body.equals(first.find((g) => g.name === f.name)!.body))).toEqual(later.map(() => true));
    } finally {
      vi.useRealTimers();
    }
    // Every entry carries the approval's time (DOS fields, local and central), and the workbook still opens.
    const xlsx = first.find((f) => f.name.endsWith('.xlsx'))!.body;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(book.worksheets.length).toBeGreaterThan(0);
    const approved = new Date(input.approvedAt);
    const dosDate = ((approved.getUTCFullYear() - 1980) << 9) | ((approved.getUTCMonth() + 1) << 5) | approved.getUTCDate();
    const local = xlsx.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(xlsx.readUInt16LE(local + 12)).toBe(dosDate);
  });

  it('lists every published file once with its type', async () => {
    const files = await buildReportFiles(input);
    expect(files.map((f) => f.name)).toEqual([
      'results-2032.json',
      'results-2032.csv',
      'results-2032-excel.csv',
      'results-2032.xlsx',
      'report-2032.html',
      'open-data-2032.json',
      'open-data-2032.csv',
      'data-dictionary-2032.csv',
    ]);
    expect(JSON.parse(files[0]!.body.toString('utf8')).results.commune.units).toHaveLength(45);
  });
});
