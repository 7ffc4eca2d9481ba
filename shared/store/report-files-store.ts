/** The published report objects (reports bucket, Object Lock in the cloud): written once, read back, linked. */
import { createHash } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { bucketName, s3 } from './clients.ts';
import type { ReportFile } from './entities/publication.ts';

/** Report objects are named by their content hash: a published file can never be overwritten by a different one. */
export async function putReportFile(year: number, name: string, contentType: string, body: Buffer): Promise<ReportFile> {
  const sha256 = createHash('sha256').update(body).digest('hex');
  const key = `published/${year}/${sha256.slice(0, 16)}/${name}`;
  // Object Lock buckets refuse writes without an integrity checksum; S3 also verifies it.
  const checksum = Buffer.from(sha256, 'hex').toString('base64');
  await s3().send(
    new PutObjectCommand({ Bucket: bucketName('reports'), Key: key, Body: body, ContentType: contentType, ChecksumSHA256: checksum }),
  );
  return { name, contentType, bytes: body.length, sha256, key };
}

export async function readReportFile(key: string): Promise<Buffer> {
  const out = await s3().send(new GetObjectCommand({ Bucket: bucketName('reports'), Key: key }));
  return Buffer.from(await out.Body!.transformToByteArray());
}

export function reportUrl(file: ReportFile): Promise<string> {
  return getSignedUrl(s3(), new GetObjectCommand({ Bucket: bucketName('reports'), Key: file.key }), { expiresIn: 3600 });
}
