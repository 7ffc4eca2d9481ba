/**
 * Lets through only UTF-8. Excel's plain "CSV" and older Vietnamese tools save Windows-1258 or
 * TCVN3; read as UTF-8 those bytes would silently become U+FFFD and mangle names and ids, so the
 * file is refused instead, naming the line and the byte. Validation is incremental (simdutf via
 * `buffer.isUtf8`), holding back a multi-byte sequence split across chunks.
 */
import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';

export class FileRefused extends Error {}

const zipSignature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Length of the prefix that ends on a sequence boundary (a trailing incomplete sequence is kept back). */
function completeLength(buf: Buffer): number {
  for (let i = buf.length - 1; i >= Math.max(0, buf.length - 4); i--) {
    const b = buf[i] as number;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return i + need > buf.length ? i : buf.length;
  }
  return buf.length;
}

/** Index of the first byte that breaks UTF-8 (only called once a chunk is known to be invalid). */
export function firstInvalidByte(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    const second = buf[i + 1] as number;
    // overlong 3/4-byte forms, UTF-16 surrogates, beyond U+10FFFF
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f))
      return i;
    i += need + 1;
  }
  return buf.length;
}

export class Utf8Guard extends Transform {
  private carry: Buffer = Buffer.alloc(0);
  private newlines = 0;
  private started = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    if (!this.started && buf.length >= 4) {
      this.started = true;
      if (buf.subarray(0, 4).equals(zipSignature)) {
        callback(new FileRefused('this is an XLSX (zip) file, not CSV: create the import with format "xlsx"'));
        return;
      }
    }
    const cut = completeLength(buf);
    const body = buf.subarray(0, cut);
    if (!isUtf8(body)) {
      callback(this.refusal(body, firstInvalidByte(body)));
      return;
    }
    this.newlines += countNewlines(body);
    this.carry = Buffer.from(buf.subarray(cut));
    callback(null, body);
  }

  override _flush(callback: TransformCallback): void {
    if (this.carry.length > 0) callback(this.refusal(this.carry, 0));
    else callback();
  }

  private refusal(buf: Buffer, at: number): FileRefused {
    const line = this.newlines + countNewlines(buf.subarray(0, at)) + 1;
    const bytes = [...buf.subarray(at, at + 3)].map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
    return new FileRefused(
      `the file is not UTF-8: line ${line} contains the bytes ${bytes}, which UTF-8 does not allow ` +
        '(probably Windows-1258, TCVN3 or another legacy encoding). Save it as "CSV UTF-8" and upload it again; nothing of this file was kept',
    );
  }
}

function countNewlines(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) n++;
  return n;
}
