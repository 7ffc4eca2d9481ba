/**
 * Ingestion of one uploaded survey file, started by the object-created event (S3 notification →
 * Lambda in the cloud, the S3 emulator's event in the local runtime). Safe to run again with the
 * same event at any point: a finished import is left alone, an interrupted one resumes from its
 * checkpoint, a duplicate delivery finds the work done.
 *
 * Refusals of the file (encoding, header, not CSV/XLSX: IMPORT_FILE_REFUSED) and of its survey
 * (gone, stale, cycle closed) refuse the whole file and remove what it had written; the reason is
 * the import's file report. Any other error is rethrown so the platform retries (Lambda's async
 * retries, the local runtime's equivalent, the scheduled re-drive), and the retry resumes.
 */
import { enforce, isDomainError, type ErrorCode } from '../../../domain/errors.ts';
import { answerRules } from '../../../domain/survey-rows.ts';
import { surveyWindow } from '../../../domain/write-window.ts';
import { logger } from '../../../observability.ts';
import { BatchWriter } from '../../../store/batch-writer.ts';
import type { ImportCounts, ImportRef } from '../../../store/survey-imports-store.ts';
import { loadSurveyContext } from '../survey-context.ts';
import { ingestionStores, type IngestionStores } from './stores.ts';
import { FileRefused } from './file-refused.ts';
import { ImportRun } from './import-run.ts';
import { rowsOf } from './row-sources.ts';
import { countLines } from './line-count.ts';
import { ProgressReporter } from './progress.ts';

export type IngestOutcome = 'done' | 'failed' | 'skipped';

export interface IngestOptions {
  /** Time left before the platform stops this invocation (Lambda's context). */
  remainingMs?: () => number;
  checkpointRows?: number;
  checkpointMs?: number;
  /** Progress on the record (the console's bar): every this many rows or milliseconds. */
  progressRows?: number;
  progressMs?: number;
  concurrency?: number;
}

/** Stop at a checkpoint while this much time is left, so the retry resumes rather than redoes. */
const reserveMs = 60_000;

export class TimeBudgetExhausted extends Error {}
export class LeaseBusy extends Error {}

/** What refuses the whole file rather than being retried. */
const fileRefusals: ReadonlySet<ErrorCode> = new Set([
  'IMPORT_FILE_REFUSED',
  'CYCLE_NOT_FOUND',
  'SURVEY_NOT_FOUND',
  'SURVEY_DEFINITION_STALE',
  'CYCLE_CLOSED',
  'CYCLE_PUBLISHED',
]);
const refusesFile = (error: unknown) => isDomainError(error) && fileRefusals.has(error.code);

async function waitForLease(ref: ImportRef, remainingMs: () => number, stores: IngestionStores): Promise<void> {
  for (let delay = 250; !(await stores.acquireLease(ref)); delay = Math.min(delay * 2, 5_000)) {
    if (remainingMs() < reserveMs + delay) throw new LeaseBusy(`another import of survey ${ref.surveyId} is running; retry later`);
    await new Promise((r) => setTimeout(r, delay));
  }
}

/** The upload event's use case: the object's key names the import. */
export async function ingestUpload(
  bucket: string,
  objectKey: string,
  options: IngestOptions = {},
  stores: IngestionStores = ingestionStores,
): Promise<IngestOutcome> {
  const parsed = stores.parseImportObjectKey(objectKey);
  if (!parsed) {
    logger.warn('object key is not an import key; ignored', { bucket, objectKey });
    return 'skipped';
  }
  const ref: ImportRef = { year: parsed.year, surveyId: parsed.surveyId, importId: parsed.importId };
  return ingestImport(ref, bucket, objectKey, options, stores);
}

/** Runs (or resumes) one import from its stored object; what the upload event and the re-drive share. */
export async function ingestImport(
  ref: ImportRef,
  bucket: string,
  objectKey: string,
  options: IngestOptions = {},
  stores: IngestionStores = ingestionStores,
): Promise<IngestOutcome> {
  const record = await stores.getImport(ref);
  if (!record || record.objectKey !== objectKey) {
    logger.warn('no import record for this object; ignored', { objectKey });
    return 'skipped';
  }
  if (record.status === 'done' || record.status === 'failed') {
    logger.info('import already finished; event ignored', { objectKey, status: record.status });
    return 'skipped';
  }
  const remainingMs = options.remainingMs ?? (() => stores.leaseMs * 10);
  await waitForLease(ref, remainingMs, stores);
  let run: ImportRun | undefined;
  const progress = new ProgressReporter(ref, stores.saveLiveProgress, options.progressRows, options.progressMs);
  try {
    if (!(await stores.startRun(ref))) return 'skipped';
    const context = await loadSurveyContext(ref.year, ref.surveyId, stores);
    enforce(surveyWindow(context.cycle, new Date()));
    const rules = answerRules(context.definition, context.unitType, context.unitIds);
    const [checkpoint, held] = await Promise.all([stores.getCheckpoint(ref), stores.loadRespondents(ref)]);
    run = new ImportRun(ref, rules, held, checkpoint, { concurrency: options.concurrency });
    if (record.totalLines === undefined) {
      // A resumed run already knows the count; counting again would read the whole file twice more.
      const counted = await stores.openImportObject(bucket, objectKey);
      await stores.saveTotalLines(ref, await countLines(record.format, counted.body));
    }
    const { body } = await stores.openImportObject(bucket, objectKey);
    const everyRows = options.checkpointRows ?? 10_000;
    const everyMs = options.checkpointMs ?? 30_000;
    let lastCheckpoint = Date.now();
    const afterCheckpoint = async (counts: ImportCounts) => {
      await stores.saveProgress(ref, counts);
      if (!(await stores.acquireLease(ref))) throw new LeaseBusy(`the ingestion lease of survey ${ref.surveyId} was lost`);
    };
    for await (const row of rowsOf(record.format, body)) {
      await run.process(row);
      progress.row(run.counts);
      if (run.rowsSinceCheckpoint >= everyRows || (run.rowsSinceCheckpoint > 0 && Date.now() - lastCheckpoint >= everyMs)) {
        run.throwIfFailed();
        if (remainingMs() < reserveMs) {
          await run.checkpoint();
          await afterCheckpoint(run.counts);
          throw new TimeBudgetExhausted(`stopped at line ${run.counts.lines}; the retry resumes there`);
        }
        run.checkpointInBackground(afterCheckpoint);
        lastCheckpoint = Date.now();
      }
    }
    if (run.counts.lines === 0) throw new FileRefused('the file is empty: it needs at least the header row');
    await run.settled();
    await progress.settled();
    await run.writer.drain();
    await stores.writeImportCounts(ref, run.builder.groups());
    await stores.completeImport(ref, run.counts);
    await stores.deleteCheckpoint(ref);
    logger.info('import done', { objectKey, ...run.counts });
    return 'done';
  } catch (error) {
    // Nothing of this run may land after it ends (Lambda can thaw a frozen promise in a later invocation).
    await run?.settled().catch(() => undefined);
    await progress.settled();
    if (!refusesFile(error)) throw error;
    await refuse(ref, run, (error as Error).message, stores);
    return 'failed';
  } finally {
    await stores.releaseLease(ref);
  }
}

/** Removes everything the import wrote, then marks it failed with the reason. */
async function refuse(ref: ImportRef, run: ImportRun | undefined, reason: string, stores: IngestionStores): Promise<void> {
  const lines = run?.counts.lines ?? 0;
  // Refused before a run started (survey gone): an earlier attempt may still have written rows.
  if (run) await run.removeRespondents();
  else await stores.deleteImportRespondents(ref);
  const writer = new BatchWriter();
  for (const key of await stores.reportRowKeys(ref)) await writer.delete(key);
  await writer.drain();
  await stores.deleteCheckpoint(ref);
  await stores.failImport(ref, lines, reason);
  logger.warn('import refused', { importId: ref.importId, reason });
}
