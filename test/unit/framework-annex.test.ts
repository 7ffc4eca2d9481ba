import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annexRowsToFramework, frameworkToAnnexRows, type Cell } from '../../shared/domain/framework-annex.ts';
import { parseFramework } from '../../shared/domain/framework.ts';
import { ruleFromText, ruleToText } from '../../shared/domain/rule-text.ts';
import { annexWorkbook } from '../../shared/formats/annex-workbook.ts';
import { annexCells } from '../../shared/formats/annex-xlsx.ts';
import type { Framework } from '../../shared/schemas/files/framework.ts';

const reference = (type: string): Framework => {
  const parsed = parseFramework(JSON.parse(readFileSync(`reference/frameworks/${type}-2024.json`, 'utf8')));
  if (!parsed.ok) throw new Error('reference framework invalid');
  return parsed.framework;
};

describe('framework annex (the province layout)', () => {
  it.each(['department', 'district', 'commune', 'province'])(
    'round-trips the %s reference framework through an XLSX annex',
    async (type) => {
      const framework = reference(type);
      const cells = await annexCells(await annexWorkbook(frameworkToAnnexRows(framework)));
      const reading = annexRowsToFramework(cells);
      expect(reading.problems).toEqual([]);
      const parsed = parseFramework(reading.framework);
      expect(parsed.ok && parsed.framework).toEqual(framework);
    },
  );

  it('the committed sample annex reads back as the commune reference framework', async () => {
    const reading = annexRowsToFramework(await annexCells(readFileSync('reference/annexes/commune-2024.xlsx')));
    expect(reading.problems).toEqual([]);
    expect(parseFramework(reading.framework).ok && reading.framework?.areas.length).toBe(reference('commune').areas.length);
  });

  it('reads hand-written tiers with percent ranges and decimal commas, highest first', () => {
    expect(
      ruleFromText('Tỷ lệ hoàn thành (%): từ 60% đến dưới 80%: 0,5 điểm; từ 80% đến dưới 100%: 1 điểm; từ 100% trở lên: 1,5 điểm'),
    ).toEqual({
      rule: {
        kind: 'tiers',
        figure: 'Tỷ lệ hoàn thành (%)',
        tiers: [
          { min: 100, points: 1.5 },
          { min: 80, points: 1 },
          { min: 60, points: 0.5 },
        ],
      },
    });
    expect(ruleFromText('Chấm theo mức độ, bước 0,25 điểm')).toEqual({ rule: { kind: 'manual', step: 0.25 } });
    expect(ruleToText({ kind: 'tiers', figure: 'Tỷ lệ (%)', tiers: [{ min: 80, points: 0.5 }] })).toBe(
      'Tỷ lệ (%): từ 80 trở lên: 0,5 điểm',
    );
    expect(ruleFromText('Theo đánh giá của Sở').problem).toMatchObject({
      code: 'unreadable-rule',
      message: expect.stringMatching(/cannot read/),
    });
  });

  it('reports each row it cannot read with its row number, and produces nothing', () => {
    const rows: Cell[][] = frameworkToAnnexRows(reference('commune')).map((r) => [...r]);
    const header = rows.findIndex((r) => r[0] === 'STT');
    rows[header + 2]![2] = 'nửa điểm';
    rows[header + 3]![3] = 'Phỏng đoán';
    rows.splice(header + 1, 0, ['9.9', 'Mồ côi', 1, 'Tự đánh giá', 'Đạt / không đạt', 'Có']);
    const reading = annexRowsToFramework(rows);
    expect(reading.framework).toBeUndefined();
    // The three broken rows, each named by its sheet row (rows under a refused group are reported too).
    const byRow = new Map(reading.problems.map((p) => [p.row, p.message]));
    const codes = new Map(reading.problems.map((p) => [p.row, { code: p.code, params: p.params }]));
    expect(codes.get(header + 2)).toEqual({ code: 'no-parent', params: { code: '9.9', parent: '9' } });
    expect(codes.get(header + 4)).toEqual({ code: 'bad-points', params: { value: 'nửa điểm' } });
    expect(codes.get(header + 5)).toEqual({ code: 'bad-method', params: { value: 'Phỏng đoán' } });
    expect(byRow.get(header + 2)).toMatch(/no parent row 9/);
    expect(byRow.get(header + 4)).toMatch(/"nửa điểm" is not a number of points/);
    expect(byRow.get(header + 5)).toMatch(/"Phỏng đoán" is not a method/);
  });

  it('accepts letter segments in annex codes (1.1.a) and keeps them', () => {
    const rows: Cell[][] = [
      ['Bộ chỉ số thử'],
      ['Mã bộ chỉ số', 'thu-2026'],
      ['Loại đơn vị', 'Cấp xã'],
      ['Tổng điểm', 1],
      ['Xếp loại', 'Đạt: từ 50; Chưa đạt: từ 0'],
      [],
      ['STT', 'Tiêu chí', 'Điểm tối đa', 'Phương pháp', 'Cách chấm điểm', 'Tài liệu kiểm chứng'],
      ['1', 'Lĩnh vực', 1, '', '', ''],
      ['1.1', 'Tiêu chí', 1, '', '', ''],
      ['1.1.a', 'Thành phần a', 0.5, 'Tự đánh giá', 'Đạt / không đạt', 'Có'],
      ['1.1.b', 'Thành phần b', 0.5, 'Điều tra XHH', '', ''],
    ];
    const reading = annexRowsToFramework(rows);
    expect(reading.problems).toEqual([]);
    expect(reading.framework?.areas[0]?.items[0]).toMatchObject({
      code: '1.1',
      items: [{ code: '1.1.a' }, { code: '1.1.b', method: 'survey' }],
    });
  });
});

const par = (args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, ['bin/par.mjs', ...args], (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });

describe('par import-framework', () => {
  it('prints the framework of an annex, and refuses a broken one with row numbers and nothing on stdout', async () => {
    const ok = await par(['import-framework', 'reference/annexes/commune-2024.xlsx']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual(reference('commune'));
    const rows = frameworkToAnnexRows(reference('commune')).map((r) => [...r]);
    rows[rows.findIndex((r) => r[0] === 'STT') + 2]![2] = 'nửa điểm';
    const file = join(mkdtempSync(join(tmpdir(), 'annex-')), 'broken.xlsx');
    writeFileSync(file, await annexWorkbook(rows));
    const broken = await par(['import-framework', file]);
    expect(broken).toMatchObject({ code: 2, stdout: '' });
    expect(broken.stderr).toMatch(/^row \d+: "nửa điểm" is not a number of points$/m);
  });
});
