/**
 * Functions started by bucket events rather than HTTP: read by the CDK stacks (the data stack
 * sends the bucket's events to EventBridge; the pipeline stack builds the function and the rule
 * that invokes it, `infra/constructs/bucket-subscription.ts`) and by the local runtime, which
 * delivers the S3 emulator's events to the same handler module with the same settings. Nothing
 * here imports handler code.
 */
import { reportRequestPrefix } from './store/report-requests.ts';
import type { BucketId } from './store/resources.ts';

export interface BucketSubscription {
  readonly id: string;
  readonly bucket: BucketId;
  /** S3 event types, as in the notification configuration. */
  readonly events: readonly ('s3:ObjectCreated:*' | 's3:ObjectRemoved:*')[];
  /** Key prefix filter. */
  readonly prefix: string;
  /** Handler module, relative to the project root; it exports `handler(event: S3Event, context)`. */
  readonly handler: string;
  readonly memoryMb: number;
  /**
   * V8's old-space limit (NODE_OPTIONS=--max-old-space-size): without it V8 lets garbage pile
   * up to a share of the function's memory before collecting, so the process looks far bigger
   * than what it holds.
   */
  readonly maxOldSpaceMb?: number;
  readonly timeoutSeconds: number;
  /**
   * 1 = invocations run one at a time. Survey ingestion reads a survey's respondents and then
   * adds to them; the lease in the table enforces one at a time per survey, and this keeps a
   * second upload queued by the platform (throttled async events wait up to maxEventAge) instead
   * of spinning on the lease.
   */
  readonly reservedConcurrency?: number;
  /** Async retries after a failed invocation (Lambda allows 0 to 2); a retry resumes the work. */
  readonly retryAttempts: number;
  readonly maxEventAgeSeconds: number;
  /** Buckets the handler reads (the table is always granted). */
  readonly reads: readonly BucketId[];
  /** Buckets the handler writes. */
  readonly writes?: readonly BucketId[];
  /** The handler answers the pipeline's approval wait (SendTaskSuccess with the stored task token). */
  readonly resumesPipeline?: boolean;
  /**
   * A scheduled re-drive: this event is sent to the handler every `everyMinutes` (EventBridge
   * Scheduler in the cloud; the local runtime sends it at start, and on `npm start` on the same
   * period), to take up work whose events were spent (retries exhausted by an outage).
   */
  readonly redrive?: { readonly everyMinutes: number; readonly event: Readonly<Record<string, unknown>> };
}

export const bucketSubscriptions: readonly BucketSubscription[] = [
  {
    id: 'surveyImportUploaded',
    bucket: 'imports',
    events: ['s3:ObjectCreated:*'],
    prefix: 'imports/',
    handler: 'functions/surveys/ingest-upload.ts',
    // Memory buys Lambda CPU; the heap itself stays small: streamed rows, counts per (unit, group),
    // and the survey's respondent ids (about 90 MB of live heap at a million), capped below.
    memoryMb: 1024,
    maxOldSpaceMb: 160,
    timeoutSeconds: 900,
    reservedConcurrency: 1,
    retryAttempts: 2,
    maxEventAgeSeconds: 6 * 3600,
    reads: ['imports'],
    // Imports left running (or re-run by an administrator) are taken up again: resumeStuckImports.
    redrive: { everyMinutes: 10, event: { resume: true } },
  },
  {
    id: 'reportsRequested',
    bucket: 'reports',
    events: ['s3:ObjectCreated:*'],
    prefix: reportRequestPrefix,
    handler: 'functions/results/generate-reports.ts',
    // As the approval had when it built the files itself (a large API function): the XLSX of a
    // province's communes is built in memory.
    memoryMb: 1024,
    timeoutSeconds: 300,
    retryAttempts: 2,
    maxEventAgeSeconds: 6 * 3600,
    reads: ['reports'],
    writes: ['reports'],
    resumesPipeline: true,
    // Publications left pending (their events spent) are taken up again: resumePendingReports.
    redrive: { everyMinutes: 10, event: { resume: true } },
  },
];
