/**
 * Bulk writes for imports: BatchWriteItem in chunks of 25 with a bounded number of requests in
 * flight, and UnprocessedItems sent again with exponential backoff and jitter until written (a
 * batch is not a transaction: DynamoDB may accept part of it under load). `put` applies
 * back-pressure, so a million-row file never queues more than `concurrency` × 25 items.
 *
 * Only idempotent writes go through here (puts and deletes keyed by the data itself): a retry or a
 * re-run after a crash writes the same item again, never a second one.
 */
import { BatchWriteCommand } from './dynamo/commands.ts';
import { dynamo, tableName } from './clients.ts';

type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

export const batchSize = 25;

export interface BatchWriterOptions {
  concurrency?: number;
  /** Attempts for one batch's unprocessed items before the writer gives up (and the caller fails). */
  maxAttempts?: number;
}

export class BatchWriter {
  private buffer: WriteRequest[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private failure: unknown;
  private readonly table = tableName();
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  /** Items confirmed written (for progress and benchmarks). */
  written = 0;

  constructor(options: BatchWriterOptions = {}) {
    this.concurrency = options.concurrency ?? 8;
    this.maxAttempts = options.maxAttempts ?? 10;
  }

  async put(item: Record<string, unknown>): Promise<void> {
    return this.add({ PutRequest: { Item: item } });
  }

  async delete(key: Record<string, unknown>): Promise<void> {
    return this.add({ DeleteRequest: { Key: key } });
  }

  /** Sends what is buffered and waits for every request in flight; rethrows the first failure. */
  async drain(): Promise<void> {
    if (this.buffer.length > 0) this.dispatch(this.buffer.splice(0));
    while (this.inFlight.size > 0) await Promise.race(this.inFlight);
    this.check();
  }

  /**
   * Sends what is buffered and resolves once every request in flight now has landed (rejects if
   * one failed), without waiting for writes queued later: a checkpoint that does not pause the rows.
   */
  async landed(): Promise<void> {
    if (this.buffer.length > 0) this.dispatch(this.buffer.splice(0));
    await Promise.all([...this.inFlight]);
    this.check();
  }

  private async add(request: WriteRequest): Promise<void> {
    this.check();
    this.buffer.push(request);
    if (this.buffer.length < batchSize) return;
    while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight);
    this.check();
    this.dispatch(this.buffer.splice(0));
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  private dispatch(requests: WriteRequest[]): void {
    const p = this.send(requests).then(
      () => void this.inFlight.delete(p),
      (error: unknown) => {
        this.failure ??= error;
        this.inFlight.delete(p);
      },
    );
    this.inFlight.add(p);
  }

  private async send(requests: WriteRequest[]): Promise<void> {
    let pending = requests;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const out = await dynamo().send(new BatchWriteCommand({ RequestItems: { [this.table]: pending } }));
      const unprocessed = (out.UnprocessedItems?.[this.table] ?? []) as WriteRequest[];
      this.written += pending.length - unprocessed.length;
      pending = unprocessed;
      if (pending.length === 0) return;
      if (attempt >= this.maxAttempts) throw new Error(`${pending.length} items stayed unprocessed after ${attempt} attempts`);
      await new Promise((r) => setTimeout(r, Math.min(2000, 25 * 2 ** attempt) * (0.5 + Math.random())));
    }
  }
}

/** Writes a list in one go (tally items, rollbacks). */
export async function writeAll(items: readonly Record<string, unknown>[], options?: BatchWriterOptions): Promise<void> {
  const writer = new BatchWriter(options);
  for (const item of items) await writer.put(item);
  await writer.drain();
}
