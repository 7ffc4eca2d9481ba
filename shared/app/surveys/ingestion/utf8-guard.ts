/**
 * A stream that lets through only UTF-8 (the rules in shared/domain/utf8.ts). Validation is
 * incremental (simdutf via `buffer.isUtf8`), holding back a multi-byte sequence split across chunks.
 */
import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import { completeLength, countNewlines, firstInvalidByte, notUtf8Reason } from '../../../domain/utf8.ts';
import { FileRefused } from './file-refused.ts';

const zipSignature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

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
    return new FileRefused(notUtf8Reason(line, buf.subarray(at, at + 3)));
  }
}
