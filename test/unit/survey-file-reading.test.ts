import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { hashCode, newCode, normaliseCode } from '../../shared/domain/invitation-codes.ts';
import { csvRows, xlsxRows, type SourceRow } from '../../shared/app/surveys/ingestion/row-sources.ts';
import { FileRefused } from '../../shared/app/surveys/ingestion/file-refused.ts';
import { firstInvalidByte } from '../../shared/domain/utf8.ts';

/** The file as S3 would stream it, in chunks of `size` bytes (multi-byte characters split anywhere). */
const chunked = (buf: Buffer, size: number) =>
  Readable.from(Array.from({ length: Math.ceil(buf.length / size) }, (_, i) => buf.subarray(i * size, (i + 1) * size)));

async function rows(buf: Buffer, size = 5): Promise<SourceRow[]> {
  const out: SourceRow[] = [];
  for await (const r of csvRows(chunked(buf, size))) out.push(r);
  return out;
}

describe('CSV reading', () => {
  it('drops a BOM, reads CRLF and LF, skips blank lines and keeps editor line numbers', async () => {
    const file = Buffer.from('\uFEFFrespondentId,unitId\r\nR1,SNV\r\n\r\nR2,"STP"\nR3,SNV', 'utf8');
    expect(await rows(file)).toEqual([
      { line: 1, cells: ['respondentId', 'unitId'] },
      { line: 2, cells: ['R1', 'SNV'] },
      { line: 4, cells: ['R2', 'STP'] },
      { line: 5, cells: ['R3', 'SNV'] },
    ]);
  });

  it('names the first line of a row with a line break inside a quoted cell, and skips all-blank rows', async () => {
    const file = Buffer.from('a,b\r\nR1,"line one\r\nline two"\r\n,,\r\nR2,x\r\n', 'utf8');
    expect(await rows(file)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['R1', 'line one\r\nline two'] },
      { line: 5, cells: ['R2', 'x'] },
    ]);
  });

  it('reads UTF-8 Vietnamese whatever the chunk boundaries', async () => {
    const file = Buffer.from('a,b\nNguyễn Thị Ánh,Đồng Khởi\n', 'utf8');
    for (const size of [1, 2, 3, 7, 64]) expect((await rows(file, size))[1]).toEqual({ line: 2, cells: ['Nguyễn Thị Ánh', 'Đồng Khởi'] });
  });

  it('refuses a Windows-1258 file, naming the line and the bytes', async () => {
    // "Nguyễn" in Windows-1258: N g u y 0xEA 0xDE n (ê + combining tilde)
    const file = Buffer.concat([Buffer.from('respondentId,unitId\nR1,SNV\nNguy'), Buffer.from([0xea, 0xde, 0x6e]), Buffer.from(',SNV\n')]);
    const error = await rows(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileRefused);
    expect((error as Error).message).toMatch(/not UTF-8: line 3 contains the bytes 0xEA 0xDE 0x6E.*Windows-1258.*CSV UTF-8/);
  });

  it('refuses a truncated multi-byte sequence at the end of the file', async () => {
    await expect(rows(Buffer.concat([Buffer.from('a,b\nx,'), Buffer.from([0xe1, 0xba])]))).rejects.toThrow(/not UTF-8: line 2/);
  });

  it('locates the first invalid byte (overlong forms and surrogates included)', () => {
    expect(firstInvalidByte(Buffer.from('ab\xc3\xa9c', 'latin1'))).toBe(5);
    expect(firstInvalidByte(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidByte(Buffer.from([0x61, 0xed, 0xa0, 0x80]))).toBe(1);
  });

  it('keeps a stray quote inside its cell, and refuses a quote that is never closed', async () => {
    expect((await rows(Buffer.from('a,b\nR1,"A"x\nR2,B\n')))[2]).toEqual({ line: 3, cells: ['R2', 'B'] });
    await expect(rows(Buffer.from('a,b\nR1,"A\nR2,B\n'))).rejects.toThrow(FileRefused);
  });

  it('refuses an XLSX file uploaded as CSV', async () => {
    await expect(rows(Buffer.from('PK\x03\x04rest-of-zip', 'latin1'))).rejects.toThrow(/XLSX \(zip\) file, not CSV/);
  });
});

describe('XLSX reading', () => {
  it('streams the first worksheet as text cells, padding trailing blanks', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Phiếu');
    sheet.addRow(['respondentId', 'unitId', 'group', 'Q1']);
    sheet.addRow(['R1', 'SNV', 'leader', 'A']);
    sheet.addRow([]);
    sheet.addRow([1001, 'SNV', 'leader']);
    workbook.addWorksheet('Ghi chú').addRow(['ignored']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const out: SourceRow[] = [];
    for await (const r of xlsxRows(chunked(buffer, 1024))) out.push(r);
    expect(out).toEqual([
      { line: 1, cells: ['respondentId', 'unitId', 'group', 'Q1'] },
      { line: 2, cells: ['R1', 'SNV', 'leader', 'A'] },
      { line: 4, cells: ['1001', 'SNV', 'leader', ''] },
    ]);
  });

  it('refuses a text file uploaded as XLSX', async () => {
    const reading = (async () => {
      for await (const _ of xlsxRows(Readable.from([Buffer.from('respondentId,unitId\n')]))) void _;
    })();
    await expect(reading).rejects.toThrow(/not an XLSX file/);
  });
});

describe('invitation codes', () => {
  it('are 12 Crockford base32 characters in groups of four, unique, and read forgivingly', () => {
    const codes = Array.from({ length: 5000 }, () => newCode());
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes.slice(0, 50)) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(normaliseCode('abcd-efgh-jk01')).toBe('ABCDEFGHJK01');
    expect(normaliseCode('ABCD EFGH JKOL')).toBe('ABCDEFGHJK01');
    expect(normaliseCode('ABCD-EFGH-JKU1')).toBeUndefined(); // U is not in the alphabet
    expect(normaliseCode('ABCD')).toBeUndefined();
    expect(hashCode('ABCDEFGHJK01')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCode('ABCDEFGHJK01')).not.toBe(hashCode('ABCDEFGHJK02'));
  });
});
