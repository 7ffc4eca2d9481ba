/**
 * The compressed bytes of a worksheet that arrived before what it needs (Excel writes the shared
 * strings and styles after the sheets): kept in memory while small, in a temporary file beyond
 * that (Lambda's /tmp), so a 100 MB upload never sits in the heap. Compressed, not inflated: the
 * spool is at most the upload's size, and the sheet inflates once, as it is read back.
 */
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An API request body (1 MB) never reaches the disk; an upload spills past this. */
const inMemoryBytes = 8 * 1024 * 1024;

export class Spool {
  private chunks: Uint8Array[] = [];
  private held = 0;
  private dir: string | undefined;
  private fd: number | undefined;
  size = 0;

  constructor(readonly compression: number) {}

  write(chunk: Uint8Array): void {
    this.size += chunk.length;
    if (this.fd === undefined && this.held + chunk.length <= inMemoryBytes) {
      // fflate hands out views of its own buffers: keep a copy.
      this.chunks.push(chunk.slice());
      this.held += chunk.length;
      return;
    }
    if (this.fd === undefined) {
      this.dir = mkdtempSync(join(tmpdir(), 'par-xlsx-'));
      this.fd = openSync(join(this.dir, 'sheet'), 'w');
      for (const held of this.chunks) writeSync(this.fd, held);
      this.chunks = [];
      this.held = 0;
    }
    writeSync(this.fd, chunk);
  }

  /** The bytes again, in order; the file (if any) is read as a stream. */
  async *read(): AsyncGenerator<Uint8Array> {
    if (this.fd === undefined || this.dir === undefined) {
      yield* this.chunks;
      return;
    }
    closeSync(this.fd);
    this.fd = -1;
    for await (const chunk of createReadStream(join(this.dir, 'sheet'), { highWaterMark: 64 * 1024 })) yield chunk as Buffer;
  }

  dispose(): void {
    if (this.fd !== undefined && this.fd >= 0) closeSync(this.fd);
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.chunks = [];
  }
}
