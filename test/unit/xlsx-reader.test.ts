/**
 * The lean XLSX reader against workbooks of two independent writers (exceljs, write-excel-file)
 * and hand-made packages (orders, encodings and cell kinds no program here writes).
 */
import ExcelJS from 'exceljs';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { readXlsxRows, readXlsxSheet, type XlsxRow } from '../../shared/formats/xlsx-reader.ts';
import { orders, packageParts, zipParts, type PackageSpec } from './support/xlsx-parts.ts';

const nfc = 'Nguyễn Thị Ánh'.normalize('NFC');
const nfd = 'Đồng Khởi'.normalize('NFD');

/** The file as S3 streams it: chunks of `size` bytes. */
async function* chunked(buf: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function streamed(buf: Uint8Array, size = 1000, dates = false): Promise<XlsxRow[]> {
  const rows: XlsxRow[] = [];
  for await (const row of readXlsxRows(chunked(buf, size), { dates })) rows.push(row);
  return rows;
}

describe('a workbook written by exceljs', () => {
  const written = async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Phiếu');
    sheet.addRow(['respondentId', nfc, nfd, 12.5, true]);
    sheet.getCell('A2').value = new Date(Date.UTC(2024, 0, 15, 10, 30));
    sheet.getCell('B2').value = { formula: 'A1&"x"', result: 'respondentIdx' };
    sheet.getCell('C2').value = { formula: 'D1*2', result: 25 };
    sheet.getCell('D2').value = { richText: [{ text: 'Sở ', font: { bold: true } }, { text: 'Nội vụ' }] };
    sheet.getCell('E2').value = { error: '#N/A' };
    sheet.getCell('H4').value = 'xa'; // sparse: row 3 absent, A-G of row 4 empty
    sheet.getCell('A5').value = false;
    workbook.addWorksheet('Ghi chú').addRow(['not read']);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  };

  it('reads the first sheet: strings (NFC and NFD kept), numbers, booleans, formulas, rich text, errors, sparse cells', async () => {
    const rows = await readXlsxSheet(await written(), { dates: true });
    expect(rows).toEqual([
      { line: 1, values: ['respondentId', nfc, nfd, 12.5, true] },
      {
        line: 2,
        values: [new Date(Date.UTC(2024, 0, 15, 10, 30)), 'respondentIdx', 25, 'Sở Nội vụ', { error: '#N/A' }],
      },
      { line: 4, values: [null, null, null, null, null, null, null, 'xa'] },
      { line: 5, values: [false] },
    ]);
    expect((rows[0]?.values[2] as string).normalize('NFC')).not.toBe(rows[0]?.values[2]); // NFD stays NFD
  });

  it('gives a date cell as its serial number unless dates are asked for (as the streaming exceljs did)', async () => {
    const rows = await readXlsxSheet(await written());
    expect(rows[1]?.values[0]).toBe(45306.4375);
  });

  it('streams the same rows from chunks of any size (exceljs writes the workbook part last)', async () => {
    const file = await written();
    const whole = await readXlsxSheet(file);
    for (const size of [1, 7, 4096]) expect(await streamed(file, size)).toEqual(whole);
  });
});

describe('a workbook written by write-excel-file', () => {
  it('reads strings, numbers, dates, booleans and a frozen header; the first tab only', async () => {
    const file = await writeXlsxFile([
      {
        sheet: 'Một',
        stickyRowsCount: 1,
        data: [
          [{ value: 'Mã', type: String, fontWeight: 'bold' }, { value: 'Ngày', type: String }, null, { value: 'Có', type: String }],
          [
            { value: 'SNV', type: String },
            { value: new Date(Date.UTC(2024, 11, 2)), type: Date, format: 'dd/mm/yyyy' },
            { value: 3.25, type: Number },
            { value: true, type: Boolean },
          ],
        ],
      },
      { sheet: 'Hai', data: [[{ value: 'khác', type: String }]] },
    ]).toBuffer();
    expect(await readXlsxSheet(file, { dates: true })).toEqual([
      { line: 1, values: ['Mã', 'Ngày', null, 'Có'] },
      { line: 2, values: ['SNV', new Date(Date.UTC(2024, 11, 2)), 3.25, true] },
    ]);
  });
});

describe('hand-made packages', () => {
  const spec: PackageSpec = {
    sheets: [
      {
        name: 'Dữ liệu',
        rows:
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><r><t>Hồ </t></r><r><t xml:space="preserve">Chí Minh</t></r></is></c></row>' +
          '<row r="2"><c r="A2" s="1"><v>45628</v></c><c r="B2" s="2"><v>0.5</v></c><c r="C2" t="str"><f>A1</f><v>Đà &amp; Nẵng</v></c><c r="D2" t="b"><f>TRUE()</f><v>1</v></c><c r="E2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F2"><f>1+1</f></c></row>' +
          '<row><c><v>1</v></c><c><v>2</v></c><c r="E3"><v>1E-3</v></c><c><![CDATA[ignored]]><v>3</v></c></row>',
      },
      { name: 'Khác', rows: '<row r="1"><c r="A1"><v>9</v></c></row>' },
    ],
    sharedStrings: ['<t>Phường</t><rPh sb="0" eb="1"><t>ふりがな</t></rPh>', '<r><t>Bến </t></r><r><rPr><b/></rPr><t>Nghé</t></r>'],
    styles:
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="[$-42A]dd/mm/yyyy;@"/></numFmts>' +
      '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
      '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="10"/></cellXfs>',
  };
  const expected: XlsxRow[] = [
    { line: 1, values: ['Phường', 'Bến Nghé', 'Hồ Chí Minh'] },
    { line: 2, values: [new Date(Date.UTC(2024, 11, 2)), 0.5, 'Đà & Nẵng', true, { error: '#DIV/0!' }, null] },
    { line: 3, values: [1, 2, null, null, 0.001, 3] },
  ];

  it.each(Object.keys(orders) as (keyof typeof orders)[])(
    'reads rich text, inline strings, cached formula values and custom date formats (%s order)',
    async (order) => {
      const parts = packageParts(spec);
      const file = zipParts(parts, { order: orders[order](parts) });
      expect(await streamed(file, 64, true)).toEqual(expected);
    },
  );

  it('reads stored (not deflated) entries, and the 1904 date system', async () => {
    const parts = packageParts({ ...spec, date1904: true });
    const rows = await readXlsxSheet(zipParts(parts, { stored: true }), { dates: true });
    expect(rows[1]?.values[0]).toEqual(new Date(Date.UTC(2028, 11, 3))); // 1,462 days later
  });

  it('reads the first tab, whatever its file is called or where it sits in the zip', async () => {
    const parts = packageParts({
      sheets: [
        { name: 'Đầu', rows: '<row r="7"><c r="B7" t="inlineStr"><is><t>đầu tiên</t></is></c></row>', file: 'sheet9.xml' },
        { name: 'Sau', rows: '<row r="1"><c r="A1"><v>1</v></c></row>', file: 'sheet1.xml' },
      ],
    });
    const file = zipParts(parts, { order: ['xl/worksheets/sheet1.xml'] });
    expect(await readXlsxSheet(file)).toEqual([{ line: 7, values: [null, 'đầu tiên'] }]);
  });

  it('reads namespace-prefixed elements (x:row) as some writers emit them', async () => {
    const parts = packageParts({ sheets: [{ name: 'A', rows: '' }] });
    parts['xl/worksheets/sheet1.xml'] =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>có</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>';
    expect(await readXlsxSheet(zipParts(parts))).toEqual([{ line: 1, values: ['có'] }]);
  });

  it('gives rows while the sheet is still arriving when the parts it needs came first', async () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `<row r="${i + 1}"><c t="inlineStr"><is><t>R${(i * 7919) % 10007}</t></is></c></row>`,
    );
    const parts = packageParts({ sheets: [{ name: 'A', rows: rows.join('') }] });
    const file = zipParts(parts, { order: orders.streamable(parts) });
    let pulled = 0;
    const source = (async function* () {
      for await (const chunk of chunked(file, 1024)) {
        pulled += chunk.length;
        yield chunk;
      }
    })();
    for await (const row of readXlsxRows(source)) {
      expect(row.line).toBe(1);
      break;
    }
    expect(pulled).toBeLessThan(file.length / 2);
  });
});
