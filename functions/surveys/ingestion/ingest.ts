/**
 * Ingestion of one uploaded survey file, started by the object-created event (S3 notification →
 * Lambda in the cloud, the S3 emulator's event in the local runtime). Safe to run again with the
 * same event at any point: a finished import is left alone, an interrupted one resumes from its
 * checkpoint, a duplicate delivery finds the work done.
 *
 * Errors about the file (encoding, header, not CSV/XLSX) refuse the whole file and remove what
 * it had written; any other error is rethrown so the platform retries (Lambda's async retries,
 * the local runtime's equivalent), and the retry resumes.
 */
import { logger } from '../../../shared/observability.ts';
import { answerRules } from '../../../shared/domain/survey-rows.ts';
import { openImportObject, parseImportObjectKey } from '../../../shared/store/import-files.ts';
import { acquireLease, deleteCheckpoint, getCheckpoint, leaseMs, releaseLease } from '../../../shared/store/survey-ingest-store.ts';
import {
  completeImport,
  failImport,
  getImport,
  reportRowKeys,
  saveProgress,
  startRun,
  type ImportCounts,
  type ImportRef,
} from '../../../shared/store/survey-imports-store.ts';
import { BatchWriter } from '../../../shared/store/batch-writer.ts';
import { deleteImportRespondents, loadRespondents, writeImportCounts } from '../../../shared/store/survey-respondents-store.ts';
import { closedReason, loadSurveyContext, SurveyContextError } from '../../../shared/app/surveys/survey-context.ts';
import { ImportRun } from './import-run.ts';
import { rowsOf } from './row-sources.ts';
import { FileRefused } from './utf8-guard.ts';

export type IngestOutcome = 'done' | 'failed' | 'skipped';

export interface IngestOptions {
  /** Time left before the platform stops this invocation (Lambda's context). */
  remainingMs?: () => number;
  checkpointRows?: number;
  checkpointMs?: number;
  concurrency?: number;
}

/** Stop at a checkpoint while this much time is left, so the retry resumes rather than redoes. */
const reserveMs = 60_000;

export class TimeBudgetExhausted extends Error {}
export class LeaseBusy extends Error {}

async function waitForLease(ref: ImportRef, remainingMs: () => number): Promise<void> {
  for (let delay = 250; !(await acquireLease(ref)); delay = Math.min(delay * 2, 5_000)) {
    if (remainingMs() < reserveMs + delay) throw new LeaseBusy(`another import of survey ${ref.surveyId} is running; retry later`);
    await new Promise((r) => setTimeout(r, delay));
  }
}

export async function ingestUpload(bucket: string, objectKey: string, options: IngestOptions = {}): Promise<IngestOutcome> {
  const parsed = parseImportObjectKey(objectKey);
  if (!parsed) {
    logger.warn('object key is not an import key; ignored', { bucket, objectKey });
    return 'skipped';
  }
  const ref: ImportRef = { year: parsed.year, surveyId: parsed.surveyId, importId: parsed.importId };
  const record = await getImport(ref);
  if (!record || record.objectKey !== objectKey) {
    logger.warn('no import record for this object; ignored', { objectKey });
    return 'skipped';
  }
  if (record.status === 'done' || record.status === 'failed') {
    logger.info('import already finished; event ignored', { objectKey, status: record.status });
    return 'skipped';
  }
  const remainingMs = options.remainingMs ?? (() => leaseMs * 10);
  await waitForLease(ref, remainingMs);
  let run: ImportRun | undefined;
  try {
    if (!(await startRun(ref))) return 'skipped';
    const context = await loadSurveyContext(ref.year, ref.surveyId);
    const closed = closedReason(context.cycle);
    if (closed) throw new FileRefused(closed);
    const rules = answerRules(context.definition, context.unitType, context.unitIds);
    const [checkpoint, held] = await Promise.all([getCheckpoint(ref), loadRespondents(ref)]);
    run = new ImportRun(ref, rules, held, checkpoint, { concurrency: options.concurrency });
    const { body } = await openImportObject(bucket, objectKey);
    const everyRows = options.checkpointRows ?? 10_000;
    const everyMs = options.checkpointMs ?? 30_000;
    let lastCheckpoint = Date.now();
    const afterCheckpoint = async (counts: ImportCounts) => {
      await saveProgress(ref, counts);
      if (!(await acquireLease(ref))) throw new LeaseBusy(`the ingestion lease of survey ${ref.surveyId} was lost`);
    };
    for await (const row of rowsOf(record.format, body)) {
      await run.process(row);
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
    await run.writer.drain();
    await writeImportCounts(ref, run.builder.groups());
    await completeImport(ref, run.counts);
    await deleteCheckpoint(ref);
    logger.info('import done', { objectKey, ...run.counts });
    return 'done';
  } catch (error) {
    // Nothing of this run may land after it ends (Lambda can thaw a frozen promise in a later invocation).
    await run?.settled().catch(() => undefined);
    if (!(error instanceof FileRefused || error instanceof SurveyContextError)) throw error;
    await refuse(ref, run, error.message);
    return 'failed';
  } finally {
    await releaseLease(ref);
  }
}

/** Removes everything the import wrote, then marks it failed with the reason. */
async function refuse(ref: ImportRef, run: ImportRun | undefined, reason: string): Promise<void> {
  const lines = run?.counts.lines ?? 0;
  // Refused before a run started (survey gone): an earlier attempt may still have written rows.
  if (run) await run.removeRespondents();
  else await deleteImportRespondents(ref);
  const writer = new BatchWriter();
  for (const key of await reportRowKeys(ref)) await writer.delete(key);
  await writer.drain();
  await deleteCheckpoint(ref);
  await failImport(ref, lines, reason);
  logger.warn('import refused', { importId: ref.importId, reason });
}
