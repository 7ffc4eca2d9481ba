/**
 * The compressed bytes of a worksheet that arrived before what it needs (Excel writes the shared
 * strings and styles after the sheets): kept in memory while small, in a temporary file beyond
 * that (Lambda's /tmp), so a 100 MB upload never sits in the heap. Compressed, not inflated: the
 * spool is at most the upload's size, and the sheet inflates once, as it is read back.
 */
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What all spools of one file may hold in memory: a request body (1 MB) never reaches the disk. */
export const spoolMemoryBytes = 8 * 1024 * 1024;

/** The memory the spools of one file share (a workbook of many sheets spools each of them). */
export interface SpoolBudget {
  bytes: number;
}

export class Spool {
  private chunks: Uint8Array[] = [];
  private dir: string | undefined;
  private fd: number | undefined;

  constructor(
    readonly compression: number,
    private readonly budget: SpoolBudget,
  ) {}

  write(chunk: Uint8Array): void {
    if (this.fd === undefined && chunk.length <= this.budget.bytes) {
      // fflate hands out views of its own buffers: keep a copy.
      this.chunks.push(chunk.slice());
      this.budget.bytes -= chunk.length;
      return;
    }
    if (this.fd === undefined) {
      this.dir = mkdtempSync(join(tmpdir(), 'par-xlsx-'));
      this.fd = openSync(join(this.dir, 'sheet'), 'w');
      for (const held of this.chunks) writeSync(this.fd, held);
      this.budget.bytes += this.chunks.reduce((n, c) => n + c.length, 0);
      this.chunks = [];
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
    if (this.fd === undefined) this.budget.bytes += this.chunks.reduce((n, c) => n + c.length, 0);
    if (this.fd !== undefined && this.fd >= 0) closeSync(this.fd);
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.chunks = [];
  }
}
