/**
 * The re-drive: takes up imports that stopped without finishing, so none stays `running` (or a
 * re-run `pending`) forever after an outage outlasted the platform's retries. Run by the schedule
 * in the cloud (`{ "resume": true }` to the ingestion function) and at the local runtime's start.
 *
 * An import is taken up when nobody works on its survey (no live ingestion lease) and it is
 * running (its run died), or pending with its file uploaded and either re-run by an administrator
 * or older than the upload event's grace. Resuming is the same run the retry does: from the
 * checkpoint, counting every row once.
 */
import { logger } from '../../../observability.ts';
import type { ImportRecord, ImportRef } from '../../../store/survey-imports-store.ts';
import { ingestionStores, type IngestionStores } from './stores.ts';
import { ingestImport, type IngestOptions, type IngestOutcome } from './ingest-upload.ts';

/** A pending import's upload event normally arrives within seconds; after this the re-drive stops waiting for it. */
export const pendingGraceMs = 5 * 60_000;

/** Below this much invocation time left, no further import is started. */
const minimumMs = 120_000;

export interface ResumeOptions extends IngestOptions {
  /** Only this survey's imports (an administrator's re-run, tests). */
  scope?: { year: number; surveyId: string };
  now?: () => number;
}

function due(record: ImportRecord, now: number): boolean {
  if (record.status === 'running') return true;
  // startRun counts attempts: a pending import with attempts was re-opened by an administrator.
  return record.status === 'pending' && (record.attempts > 0 || now - Date.parse(record.createdAt) >= pendingGraceMs);
}

async function stuck(ref: ImportRef, now: number, stores: IngestionStores): Promise<ImportRecord | undefined> {
  const record = await stores.getImport(ref);
  if (!record || !due(record, now)) return undefined;
  const lease = await stores.getLease(ref.year, ref.surveyId);
  if (lease && lease.leaseUntil >= now) return undefined; // a run is alive on this survey; the next sweep looks again
  if (record.status === 'pending' && !(await stores.importExists(stores.importsBucket(), record.objectKey))) return undefined;
  return record;
}

export async function resumeStuckImports(
  options: ResumeOptions = {},
  stores: IngestionStores = ingestionStores,
): Promise<(IngestOutcome | 'interrupted')[]> {
  const now = options.now ?? Date.now;
  const open = (await stores.listOpenImports()).filter(
    (r) => !options.scope || (r.year === options.scope.year && r.surveyId === options.scope.surveyId),
  );
  const outcomes: (IngestOutcome | 'interrupted')[] = [];
  for (const ref of open) {
    if (options.remainingMs && options.remainingMs() < minimumMs) break; // the next sweep goes on
    const record = await stuck(ref, now(), stores);
    if (!record) continue;
    logger.info('re-driving a stuck import', { importId: ref.importId, status: record.status, attempts: record.attempts });
    try {
      outcomes.push(await ingestImport(ref, stores.importsBucket(), record.objectKey, options, stores));
    } catch (error) {
      // One import's outage must not keep the others stuck: it stays running and the next sweep resumes it.
      logger.error('re-drive of an import stopped; the next sweep resumes it', { importId: ref.importId, error });
      outcomes.push('interrupted');
    }
  }
  return outcomes;
}
