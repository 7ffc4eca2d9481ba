/**
 * The ingestion function: an object created in the imports bucket invokes it (in the cloud
 * through an EventBridge rule, asynchronously, with the platform's retries and a dead-letter
 * queue; see infra/constructs/bucket-subscription.ts; locally from the S3 emulator's events,
 * infra/local/s3-events.ts), and so does the scheduled re-drive with `{ "resume": true }`, which
 * takes up imports whose run stopped without finishing. Both event shapes of an upload are accepted.
 */
import type { Context, S3Event } from 'aws-lambda';
import { ingestUpload, type IngestOutcome } from '../../shared/app/surveys/ingestion/ingest-upload.ts';
import { resumeStuckImports } from '../../shared/app/surveys/ingestion/resume-stuck-imports.ts';
import { logger, withLogContext } from '../../shared/observability.ts';

/** S3 event keys are URL-encoded with "+" for spaces. */
export const decodeS3Key = (key: string) => decodeURIComponent(key.replace(/\+/g, ' '));

/** The same upload as an EventBridge "Object Created" event (the cloud wiring). Import keys are server-generated ASCII, so encoding never matters. */
export interface EventBridgeObjectCreated {
  'detail-type': 'Object Created';
  detail: { bucket: { name: string }; object: { key: string } };
}

export type IngestionEvent = S3Event | EventBridgeObjectCreated | { resume: true };

export function uploadsOf(event: IngestionEvent): { bucket: string; key: string }[] {
  if ('resume' in event) return [];
  if ('detail-type' in event) {
    return event['detail-type'] === 'Object Created' ? [{ bucket: event.detail.bucket.name, key: event.detail.object.key }] : [];
  }
  return (event.Records ?? [])
    .filter((r) => r.eventName?.startsWith('ObjectCreated:'))
    .map((r) => ({ bucket: r.s3.bucket.name, key: decodeS3Key(r.s3.object.key) }));
}

async function ingest(event: IngestionEvent, context: Context): Promise<{ outcomes: (IngestOutcome | 'interrupted')[] }> {
  const remainingMs = () => context.getRemainingTimeInMillis();
  if ('resume' in event && event.resume === true) return { outcomes: await resumeStuckImports({ remainingMs }) };
  const outcomes: IngestOutcome[] = [];
  for (const { bucket, key } of uploadsOf(event)) {
    logger.appendKeys({ objectKey: key });
    outcomes.push(await ingestUpload(bucket, key, { remainingMs }));
  }
  return { outcomes };
}

export const handler = withLogContext(ingest);
