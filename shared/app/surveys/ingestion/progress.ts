/**
 * Progress of a running import, written to its record often enough for a progress bar (every
 * `everyRows` rows or `everyMs`, whichever comes first) and apart from the checkpoint, which stays
 * rarer: one small update per 1,000 rows adds about 0.1% to the writes of the rows themselves.
 * One write at a time, never awaited by the rows; a failed write is only logged (the checkpoint,
 * not this counter, is what a resumed run trusts).
 */
import { logger } from '../../../observability.ts';
import type { ImportCounts, ImportRef } from '../../../store/survey-imports-store.ts';

export class ProgressReporter {
  private rows = 0;
  private last = Date.now();
  private pending: Promise<void> | undefined;

  constructor(
    private readonly ref: ImportRef,
    private readonly save: (ref: ImportRef, counts: ImportCounts) => Promise<void>,
    private readonly everyRows = 1_000,
    private readonly everyMs = 2_000,
  ) {}

  /** After each row: starts a write when one is due and none is in flight. */
  row(counts: ImportCounts): void {
    this.rows++;
    if (this.pending || (this.rows < this.everyRows && Date.now() - this.last < this.everyMs)) return;
    this.rows = 0;
    this.last = Date.now();
    const snapshot = { ...counts };
    this.pending = this.save(this.ref, snapshot)
      .catch((error: unknown) => logger.warn('progress not saved', { importId: this.ref.importId, error: String(error) }))
      .finally(() => (this.pending = undefined));
  }

  /** Before the import finishes: a late progress write must not land after the final counts. */
  async settled(): Promise<void> {
    await this.pending;
  }
}
