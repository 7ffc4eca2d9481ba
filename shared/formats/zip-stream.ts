/**
 * A zip archive read front to back as it streams (APPNOTE 6.3: local headers, entry data, data
 * descriptors; zip64 sizes), handing each entry's raw (still compressed) bytes to a sink. Written
 * here rather than fflate's Unzip because an entry written with a data descriptor (exceljs, most
 * streaming writers) has no size up front, and fflate ends it at the first bytes that look like a
 * signature: inside 50 MB of compressed data that happens a few times in a hundred files. Here a
 * descriptor counts only if the compressed size it records is the bytes seen, so compressed data
 * that looks like one is data. The central directory (at the end) is not needed and not read.
 */
import { XlsxUnreadable } from './xlsx-xml.ts';

export type RawSink = (data: Uint8Array, final: boolean) => void;
/** Called at each entry's local header; the sink gets its raw bytes, or undefined to skip them. */
export type EntryHandler = (name: string, compression: number) => RawSink | undefined;

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** The most a descriptor (zip64, with signature) takes: held back until it can be checked. */
const holdBack = 24;
const descriptorSignature = Buffer.from([0x50, 0x4b, 0x07, 0x08]);

const u16 = (b: Uint8Array, i: number) => (b[i] as number) | ((b[i + 1] as number) << 8);
const u32 = (b: Uint8Array, i: number) => (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 2 ** 32;

interface Entry {
  sink: RawSink | undefined;
  /** Bytes left of an entry whose size its header gives; undefined when a descriptor ends it. */
  left: number | undefined;
  seen: number;
  zip64: boolean;
}

export class ZipStream {
  private pending: Uint8Array = new Uint8Array(0);
  private entry: Entry | undefined;
  private done = false;

  constructor(private readonly onEntry: EntryHandler) {}

  push(chunk: Uint8Array, final: boolean): void {
    const buf = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    let at = 0;
    while (!this.done) {
      const used = this.entry ? this.data(this.entry, buf, at, final) : this.header(buf, at);
      if (used < 0) break;
      at += used;
    }
    // What is left is a partial header or a descriptor's worth of bytes: copied, the caller may reuse its chunk.
    this.pending = this.done ? new Uint8Array(0) : buf.slice(at);
    if (final && !this.done && (this.entry || this.pending.length > 0)) {
      throw new XlsxUnreadable('the zip archive ends in the middle of an entry');
    }
  }

  /** A local header (or the central directory: the entries are over); -1 while it is incomplete. */
  private header(b: Uint8Array, at: number): number {
    if (b.length - at < 4) return -1;
    const sig = u32(b, at);
    if (sig === CENTRAL || sig === END) {
      this.done = true;
      return 0;
    }
    if (sig !== LOCAL) throw new XlsxUnreadable(`the zip archive is damaged: no entry where one should start`);
    if (b.length - at < 30) return -1;
    const flags = u16(b, at + 6);
    const nameLength = u16(b, at + 26);
    const extraLength = u16(b, at + 28);
    const size = 30 + nameLength + extraLength;
    if (b.length - at < size) return -1;
    if (flags & 1) throw new XlsxUnreadable('the zip archive is encrypted');
    const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(b.subarray(at + 30, at + 30 + nameLength));
    let compressed = u32(b, at + 18);
    const zip64 = this.zip64Sizes(b.subarray(at + 30 + nameLength, at + size));
    if (compressed === 0xffffffff && zip64 !== undefined) compressed = zip64;
    const described = (flags & 8) !== 0;
    this.entry = {
      sink: this.onEntry(name, u16(b, at + 8)),
      left: described ? undefined : compressed,
      seen: 0,
      zip64: zip64 !== undefined,
    };
    return size;
  }

  /** The compressed size in a zip64 extra field (id 1: original size, then compressed size). */
  private zip64Sizes(extra: Uint8Array): number | undefined {
    for (let i = 0; i + 4 <= extra.length; i += 4 + u16(extra, i + 2)) {
      if (u16(extra, i) === 1 && u16(extra, i + 2) >= 16) return u64(extra, i + 12);
    }
    return undefined;
  }

  /** An entry's bytes: a known count, or up to a descriptor that records the bytes seen; -1: need more. */
  private data(entry: Entry, b: Uint8Array, at: number, final: boolean): number {
    if (entry.left === undefined) return this.described(entry, b, at, final);
    const n = Math.min(entry.left, b.length - at);
    if (n === 0 && entry.left > 0) return -1;
    entry.left -= n;
    entry.sink?.(b.subarray(at, at + n), entry.left === 0);
    if (entry.left === 0) this.entry = undefined;
    return n;
  }

  private described(entry: Entry, b: Uint8Array, at: number, final: boolean): number {
    const view = Buffer.from(b.buffer, b.byteOffset + at, b.length - at);
    for (let i = view.indexOf(descriptorSignature); i >= 0; i = view.indexOf(descriptorSignature, i + 1)) {
      const length = entry.zip64 ? 24 : 16;
      if (i + length > view.length) break; // too near the end to check: wait for more bytes
      const recorded = entry.zip64 ? u64(view, i + 8) : u32(view, i + 8);
      if (recorded !== entry.seen + i) continue; // compressed data that looks like a descriptor
      entry.sink?.(view.subarray(0, i), true);
      this.entry = undefined;
      return i + length;
    }
    const safe = final ? 0 : Math.max(0, view.length - holdBack);
    if (safe === 0) return -1;
    entry.sink?.(view.subarray(0, safe), false);
    entry.seen += safe;
    return safe;
  }
}
