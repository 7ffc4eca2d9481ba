/**
 * One run over an import's rows: decides each row (accepted, duplicate, rejected), queues its
 * writes and keeps the counts. Exactly once, also across an interruption:
 *
 * - a respondent item is keyed by (survey, respondentId) and written with the import and line;
 * - `held` says who holds each id when the run starts (read under the survey's lease), and grows
 *   with each accepted row, so the first row of an id wins and later ones are duplicates;
 * - a resumed run starts after its checkpoint with the counts of the rows before it; a row the
 *   interrupted run had already written is found in `held` under its own line and counted again
 *   (the checkpoint's counts do not include it), without being written twice;
 * - report rows are keyed by line: rewriting one leaves one.
 *
 * Rows never depend on each other beyond the respondent id, so a rejected row costs only itself.
 */
import { CountsBuilder } from '../../../domain/survey-counts.ts';
import { checkHeader, checkRow, type AnswerRules } from '../../../domain/survey-rows.ts';
import { BatchWriter } from '../../../store/batch-writer.ts';
import { putCheckpoint, type Checkpoint } from '../../../store/survey-ingest-store.ts';
import { reportRowItem, type ImportCounts, type ImportRef } from '../../../store/survey-imports-store.ts';
import { deleteImportRespondents, respondentItem } from '../../../store/survey-respondents-store.ts';
import type { SourceRow } from './row-sources.ts';
import { FileRefused } from './file-refused.ts';

export class ImportRun {
  readonly counts: ImportCounts;
  readonly builder = new CountsBuilder();
  readonly writer: BatchWriter;
  /** Rows up to this line were finished by an earlier run. */
  readonly resumeAfter: number;
  private questionIds: string[] | undefined;
  private sinceCheckpoint = 0;
  private pending: Promise<void> | undefined;
  private failure: unknown;

  constructor(
    readonly ref: ImportRef,
    private readonly rules: AnswerRules,
    private readonly held: Map<string, number | string>,
    checkpoint: Checkpoint | undefined,
    options: { concurrency?: number } = {},
  ) {
    this.writer = new BatchWriter({ concurrency: options.concurrency ?? 8 });
    this.counts = checkpoint ? { ...checkpoint.counts } : { lines: 0, accepted: 0, duplicates: 0, rejectedCount: 0 };
    if (checkpoint) this.builder.load(checkpoint.groups);
    this.resumeAfter = checkpoint?.line ?? 0;
  }

  async process(row: SourceRow): Promise<void> {
    if (!this.questionIds) {
      // The first row is the header, whether or not this run resumes.
      const header = checkHeader(row.cells, this.rules);
      if (!header.ok) throw new FileRefused(header.reason);
      this.questionIds = header.questionIds;
      this.counts.lines = Math.max(this.counts.lines, row.line);
      return;
    }
    if (row.line <= this.resumeAfter) return;
    this.counts.lines = row.line;
    this.sinceCheckpoint++;
    const checked = checkRow(row.cells, this.questionIds, this.rules);
    if (!checked.ok) return this.reject(row.line, checked.respondentId, checked.reason);

    const { respondentId } = checked.row;
    const holder = this.held.get(respondentId);
    if (holder === undefined || holder === row.line) {
      this.counts.accepted++;
      this.builder.add(checked.row.unitId, checked.row.group, checked.row.answers);
      if (holder === undefined) {
        this.held.set(respondentId, row.line);
        await this.writer.put(respondentItem(this.ref, row.line, checked.row));
      }
      return;
    }
    this.counts.duplicates++;
    const first = typeof holder === 'number' ? `line ${holder} of this file` : `import ${holder}`;
    await this.writer.put(
      reportRowItem(this.ref, 'duplicate', { line: row.line, respondentId, reason: `respondentId already counted (${first})` }),
    );
  }

  private async reject(line: number, respondentId: string, reason: string): Promise<void> {
    this.counts.rejectedCount++;
    await this.writer.put(reportRowItem(this.ref, 'rejected', { line, respondentId, reason }));
  }

  get rowsSinceCheckpoint(): number {
    return this.sinceCheckpoint;
  }

  get checkpointPending(): boolean {
    return this.pending !== undefined;
  }

  /** A background checkpoint or what followed it failed: the run must stop (the retry resumes). */
  throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  /**
   * Checkpoints the current line without pausing the rows: the counts are copied now, and the
   * checkpoint is written once every write queued so far has landed (later writes keep flowing).
   * `after` runs next (progress, lease renewal). One at a time: while one is pending, later
   * triggers are skipped.
   */
  checkpointInBackground(after: (counts: ImportCounts) => Promise<void>): void {
    if (this.pending) return;
    const checkpoint: Checkpoint = { line: this.counts.lines, counts: { ...this.counts }, groups: this.builder.snapshot() };
    this.sinceCheckpoint = 0;
    this.pending = this.writer
      .landed()
      .then(() => putCheckpoint(this.ref, checkpoint))
      .then(() => after(checkpoint.counts))
      .catch((error: unknown) => void (this.failure ??= error))
      .finally(() => (this.pending = undefined));
  }

  /** Waits for a background checkpoint, then checkpoints everything processed (before stopping or finishing). */
  async checkpoint(): Promise<void> {
    await this.settled();
    await this.writer.drain();
    await putCheckpoint(this.ref, { line: this.counts.lines, counts: { ...this.counts }, groups: this.builder.snapshot() });
    this.sinceCheckpoint = 0;
  }

  async settled(): Promise<void> {
    await this.pending;
    this.throwIfFailed();
  }

  /** A refused file keeps nothing: every respondent this import holds (this run's and earlier runs') goes. */
  async removeRespondents(): Promise<void> {
    await this.pending;
    await this.writer.drain().catch(() => undefined);
    await deleteImportRespondents(this.ref, this.held);
  }
}
