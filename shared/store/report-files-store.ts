/** The published report objects (reports bucket, Object Lock in the cloud): written once, read back, linked; and the requests that start their writing. */
import { createHash } from 'node:crypto';
import { bucketName } from './clients.ts';
import { getObjectBytes, presignGet, putObject } from './s3/objects.ts';
import type { CouncilKey } from '../domain/councils.ts';
import type { ReportFile } from './entities/publication.ts';
import { reportRequestKey } from './report-requests.ts';

/** Report objects are named by their content hash: a published file can never be overwritten by a different one. */
export async function putReportFile(year: number, name: string, contentType: string, body: Buffer): Promise<ReportFile> {
  const sha256 = createHash('sha256').update(body).digest('hex');
  const key = `published/${year}/${sha256.slice(0, 16)}/${name}`;
  // Object Lock buckets refuse writes without an integrity checksum (putObject sends one; S3 verifies it).
  await putObject(bucketName('reports'), key, body, contentType);
  return { name, contentType, bytes: body.length, sha256, key };
}

export async function readReportFile(key: string): Promise<Buffer> {
  return getObjectBytes(bucketName('reports'), key);
}

export function reportUrl(file: ReportFile): Promise<string> {
  return Promise.resolve(presignGet(bucketName('reports'), file.key, 3600));
}

/** The approval's last write: the request that starts the report function (shared/store/report-requests.ts). */
export async function putReportRequest(year: number, council: CouncilKey, request: Record<string, unknown>): Promise<void> {
  const body = Buffer.from(JSON.stringify({ year, council, ...request }));
  await putObject(bucketName('reports'), reportRequestKey(year, council), body, 'application/json');
}
