/**
 * The function the imports bucket's object-created notification invokes (asynchronously, with
 * the platform's retries): one ingestion per record. The local runtime delivers the S3
 * emulator's events to this same module (infra/local/s3-events.ts).
 */
import type { Context, S3Event } from 'aws-lambda';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { logger } from '../../shared/http/observability.ts';
import { ingestUpload, type IngestOutcome } from './ingestion/ingest.ts';

/** S3 event keys are URL-encoded with "+" for spaces. */
export const decodeS3Key = (key: string) => decodeURIComponent(key.replace(/\+/g, ' '));

async function ingest(event: S3Event, context: Context): Promise<{ outcomes: IngestOutcome[] }> {
  const outcomes: IngestOutcome[] = [];
  for (const record of event.Records ?? []) {
    if (!record.eventName?.startsWith('ObjectCreated:')) continue;
    const key = decodeS3Key(record.s3.object.key);
    logger.appendKeys({ objectKey: key });
    outcomes.push(await ingestUpload(record.s3.bucket.name, key, { remainingMs: () => context.getRemainingTimeInMillis() }));
  }
  return { outcomes };
}

export const handler = middy(ingest).use(injectLambdaContext(logger, { resetKeys: true }));
