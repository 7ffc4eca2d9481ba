/**
 * Survey files in the imports bucket: a presigned POST bound to a key the server chose (the key
 * names the cycle, survey and import, so the upload event alone finds the import), and the
 * stored object as a stream for the ingestion.
 */
import type { Readable } from 'node:stream';
import type { ImportFormat } from '../schemas/api/survey-api.ts';
import { bucketName } from './clients.ts';
import { getObject, headObject, presignPost } from './s3/objects.ts';

export const importUploadExpirySeconds = 30 * 60;
/** A million rows of a dozen questions is about 40 MB; twice that leaves room for long ids. */
export const importMaxBytes = 100 * 1024 * 1024;

export const importContentTypes: Record<ImportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const keyPattern = /^imports\/(\d{4})\/([A-Za-z0-9][A-Za-z0-9._-]*)\/([A-Za-z0-9][A-Za-z0-9._-]*)\.(csv|xlsx)$/;

export function importObjectKey(year: number, surveyId: string, importId: string, format: ImportFormat): string {
  return `imports/${year}/${surveyId}/${importId}.${format}`;
}

export function parseImportObjectKey(key: string): { year: number; surveyId: string; importId: string; format: ImportFormat } | undefined {
  const m = keyPattern.exec(key);
  if (!m) return undefined;
  return { year: Number(m[1]), surveyId: m[2] as string, importId: m[3] as string, format: m[4] as ImportFormat };
}

export async function presignImportUpload(objectKey: string, format: ImportFormat) {
  const contentType = importContentTypes[format];
  const { url, fields } = presignPost(
    bucketName('imports'),
    objectKey,
    [
      ['content-length-range', 1, importMaxBytes],
      ['eq', '$Content-Type', contentType],
    ],
    { 'Content-Type': contentType },
    importUploadExpirySeconds,
  );
  return { url, fields, expiresAt: new Date(Date.now() + importUploadExpirySeconds * 1000).toISOString() };
}

export async function openImportObject(bucket: string, objectKey: string): Promise<{ body: Readable; size: number }> {
  return getObject(bucket, objectKey);
}

/** Whether the import's file has been uploaded (a pending import's upload may never have happened). */
export async function importExists(bucket: string, objectKey: string): Promise<boolean> {
  try {
    await headObject(bucket, objectKey);
    return true;
  } catch (error) {
    const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    if (e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404) return false;
    throw error;
  }
}
