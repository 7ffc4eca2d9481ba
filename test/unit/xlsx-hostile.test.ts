/**
 * The XLSX reader refuses what is not a readable workbook, quickly and by name: not a zip, a zip
 * without a workbook, damaged archives, zip bombs, lying sizes, deep or endless XML, entity
 * tricks, bad UTF-8, rows past Excel's limits. And a sheet spooled to disk leaves nothing behind.
 */
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { NoWorksheet, NotAZip, readXlsxRows, readXlsxSheet, XlsxUnreadable } from '../../shared/formats/xlsx-reader.ts';
import { describedZip, orders, packageParts, zipParts } from './support/xlsx-parts.ts';

const sheetOf = (rows: string) => packageParts({ sheets: [{ name: 'A', rows }] });
const refusal = (file: Uint8Array, options = {}) =>
  readXlsxSheet(file, options).then(
    () => undefined,
    (e: unknown) => e,
  );

describe('files that are not workbooks', () => {
  it('refuses text, an empty file and a few bytes as not a zip at all', async () => {
    for (const bytes of [Buffer.from('respondentId,unitId\n'), Buffer.alloc(0), Buffer.from('PK\x03', 'latin1')]) {
      expect(await refusal(bytes)).toBeInstanceOf(NotAZip);
    }
  });

  it('refuses a zip without a workbook, and a workbook whose tabs hold no worksheet', async () => {
    const plain = Buffer.from(zipSync({ 'ghi-chu.txt': strToU8('xin chào') }));
    expect(await refusal(plain)).toMatchObject({ message: expect.stringMatching(/no workbook/) });
    const parts = sheetOf('');
    parts['xl/_rels/workbook.xml.rels'] = parts['xl/_rels/workbook.xml.rels']!.replace('/worksheet"', '/chartsheet"');
    expect(await refusal(zipParts(parts))).toBeInstanceOf(NoWorksheet);
  });

  it('refuses a workbook whose first sheet is not in the file', async () => {
    const parts: Record<string, string> = sheetOf('<row r="1"><c r="A1"><v>1</v></c></row>');
    delete parts['xl/worksheets/sheet1.xml'];
    expect(await refusal(zipParts(parts))).toMatchObject({ message: expect.stringMatching(/first sheet .* is missing/) });
  });

  it('refuses a truncated archive and damaged compressed data', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${(i * 7919) % 10007}</v></c></row>`);
    const file = zipParts(sheetOf(rows.join('')), { order: orders.excel(sheetOf('')) });
    expect(await refusal(file.subarray(0, Math.floor(file.length / 2)))).toBeInstanceOf(XlsxUnreadable);
    const damaged = Buffer.from(file);
    for (let i = 200; i < 600; i++) damaged[i] = (damaged[i] as number) ^ 0x5a;
    expect(await refusal(damaged)).toBeInstanceOf(XlsxUnreadable);
  });
});

describe('zip framing', () => {
  it('ends an entry at its data descriptor only when the descriptor records the bytes seen', async () => {
    // A picture whose bytes hold every zip signature, as 50 MB of compressed data now and then does.
    const lookalikes = Buffer.from('PK\x07\x08\x00\x00\x00\x00\x05\x00\x00\x00PK\x03\x04PK\x01\x02PK\x05\x06', 'latin1');
    const picture = Buffer.concat([lookalikes, Buffer.from('ảnh'), lookalikes]);
    const parts = sheetOf('<row r="1"><c r="A1" t="inlineStr"><is><t>sau ảnh</t></is></c></row>');
    const entries: [string, Uint8Array][] = [
      ['xl/media/image1.png', picture],
      ...Object.entries(parts).map(([n, x]): [string, Uint8Array] => [n, strToU8(x)]),
    ];
    const file = describedZip(entries);
    expect(await readXlsxSheet(file)).toEqual([{ line: 1, values: ['sau ảnh'] }]);
    const rows: unknown[] = [];
    for await (const row of readXlsxRows(
      (function* () {
        for (let i = 0; i < file.length; i += 3) yield file.subarray(i, i + 3);
      })(),
    ))
      rows.push(row);
    expect(rows).toEqual([{ line: 1, values: ['sau ảnh'] }]);
  });

  it('refuses an entry whose descriptor never comes', async () => {
    const parts = sheetOf('<row r="1"><c r="A1"><v>1</v></c></row>');
    const file = describedZip(Object.entries(parts).map(([n, x]) => [n, strToU8(x)]));
    expect(await refusal(file.subarray(0, file.length - 40))).toMatchObject({
      message: expect.stringMatching(/ends in the middle of an entry/),
    });
  });
});

describe('bombs and lies', () => {
  it('stops inflating a part past its bound (16 MiB of a workbook part from a few KB)', async () => {
    const parts = sheetOf('');
    parts['xl/workbook.xml'] = parts['xl/workbook.xml']!.replace('<sheets>', `<sheets>${' '.repeat(17 * 1024 * 1024)}`);
    const file = zipParts(parts);
    expect(file.length).toBeLessThan(100_000);
    expect(await refusal(file)).toMatchObject({ message: expect.stringMatching(/workbook\.xml: larger than 16777216 bytes/) });
  });

  it('stops a streamed sheet past its bound too', async () => {
    const file = zipParts(sheetOf('<row/>'.repeat(300_000)), { order: orders.streamable(sheetOf('')) });
    expect(await refusal(file, { maxPartBytes: 1024 * 1024 })).toMatchObject({
      message: expect.stringMatching(/sheet1\.xml: larger than/),
    });
  });

  it('trusts no declared size: a header claiming 4 GB reads as the bytes that are there', async () => {
    const file = zipParts(sheetOf('<row r="1"><c r="A1"><v>7</v></c></row>'));
    for (let at = file.indexOf('PK\x03\x04'); at >= 0; at = file.indexOf('PK\x03\x04', at + 4)) file.writeUInt32LE(0xffffffff, at + 22);
    expect(await readXlsxSheet(file)).toEqual([{ line: 1, values: [7] }]);
  });
});

describe('hostile XML', () => {
  it('refuses XML nested past 64 levels and a token past 1 MiB', async () => {
    const deep = `<row r="1"><c r="A1">${'<x>'.repeat(100)}${'</x>'.repeat(100)}</c></row>`;
    expect(await refusal(zipParts(sheetOf(deep)))).toMatchObject({ message: expect.stringMatching(/deeper than 64/) });
    const long = `<row r="1"><c r="A1" t="inlineStr"><is><t>${'a'.repeat(2 * 1024 * 1024)}</t></is></c></row>`;
    expect(await refusal(zipParts(sheetOf(long)))).toMatchObject({ message: expect.stringMatching(/text longer than 1048576/) });
  });

  it('expands no entity a DOCTYPE declares (billion laughs), and refuses bad UTF-8', async () => {
    const parts = sheetOf('<row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row>');
    const laughs = '<!DOCTYPE worksheet [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;">]>';
    parts['xl/worksheets/sheet1.xml'] = parts['xl/worksheets/sheet1.xml']!.replace('<worksheet', `${laughs}<worksheet`);
    expect(await refusal(zipParts(parts))).toBeInstanceOf(XlsxUnreadable);
    const latin1: Record<string, string | Uint8Array> = sheetOf('');
    latin1['xl/worksheets/sheet1.xml'] = Buffer.from(
      '<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>Nguy\xean</t></is></c></row></sheetData></worksheet>',
      'latin1',
    );
    expect(await refusal(zipParts(latin1))).toMatchObject({ message: expect.stringMatching(/sheet1\.xml/) });
  });

  it("refuses rows and columns past Excel's limits", async () => {
    expect(await refusal(zipParts(sheetOf('<row r="2000000"/>')))).toMatchObject({ message: expect.stringMatching(/row number/) });
    expect(await refusal(zipParts(sheetOf('<row r="1"><c r="XFE1"><v>1</v></c></row>')))).toMatchObject({
      message: expect.stringMatching(/outside A-XFD/),
    });
  });
});

describe('the spool', () => {
  it('reads back a sheet that came before its shared strings from a temporary file, and removes the file', async () => {
    const count = 20_000;
    const rows = Array.from(
      { length: count },
      (_, i) =>
        `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>0</v></c><c r="B${i + 1}"><v>${i}</v></c><c r="C${i + 1}" t="inlineStr"><is><t>${'x'.repeat(400)}</t></is></c></row>`,
    );
    const parts = packageParts({ sheets: [{ name: 'A', rows: rows.join('') }], sharedStrings: ['<t>Sở Y tế</t>'] });
    const file = zipParts(parts, { order: orders.excel(parts), stored: true }); // stored: past the 8 MiB held in memory
    expect(file.length).toBeGreaterThan(8 * 1024 * 1024);
    const spools = () => readdirSync(tmpdir()).filter((d) => d.startsWith('par-xlsx-'));
    const before = spools();
    let n = 0;
    let last: unknown;
    for await (const row of readXlsxRows([file])) {
      if (n === 0) expect(spools().length).toBe(before.length + 1);
      n++;
      last = row;
    }
    expect(n).toBe(count);
    expect(last).toEqual({ line: count, values: ['Sở Y tế', count - 1, 'x'.repeat(400)] });
    expect(spools()).toEqual(before);
  });
});
