/** Evidence objects in S3: presigned POST uploads, checksum verification, short-lived downloads. */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { bucketName } from './clients.ts';
import { getObject, getObjectBytes, presignGet, presignPost } from './s3/objects.ts';

export const uploadExpirySeconds = 15 * 60;
export const downloadExpirySeconds = 5 * 60;

/**
 * A POST form bound to one server-chosen key, the exact declared size and content type. S3
 * enforces the policy; the confirm step re-checks size and SHA-256, which is the guarantee where
 * the policy is not enforced (the local S3 emulator).
 */
export async function presignUpload(objectKey: string, contentType: string, size: number, sha256Hex: string) {
  const checksum = Buffer.from(sha256Hex, 'hex').toString('base64');
  const { url, fields } = presignPost(
    bucketName('evidence'),
    objectKey,
    [
      ['content-length-range', size, size],
      ['eq', '$Content-Type', contentType],
      ['eq', '$x-amz-meta-sha256', sha256Hex.toLowerCase()],
    ],
    { 'Content-Type': contentType, 'x-amz-meta-sha256': sha256Hex.toLowerCase(), 'x-amz-checksum-sha256': checksum },
    uploadExpirySeconds,
  );
  return { url, fields };
}

/** Streams the stored object and measures it; undefined when nothing was uploaded. */
export async function measureObject(objectKey: string): Promise<{ size: number; sha256: string } | undefined> {
  try {
    const out = await getObject(bucketName('evidence'), objectKey);
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of out.body) {
      size += (chunk as Buffer).length;
      hash.update(chunk as Buffer);
    }
    return { size, sha256: hash.digest('hex') };
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'NoSuchKey' || name === 'NotFound') return undefined;
    throw error;
  }
}

/** Enough leading bytes for the signatures of the accepted types (zip-based Office files name their parts early). */
export const headBytes = 4096;

/** The type the object's leading bytes show (one ranged GET); undefined when unrecognised. */
export async function detectObjectType(objectKey: string): Promise<string | undefined> {
  const head = (await getObjectBytes(bucketName('evidence'), objectKey, `bytes=0-${headBytes - 1}`)).subarray(0, headBytes);
  return (await fileTypeFromBuffer(head))?.mime;
}

/** What confirming needs of the stored object: size and SHA-256 over all of it, type from its head. */
export async function inspectObject(objectKey: string): Promise<{ size: number; sha256: string; detectedType?: string } | undefined> {
  const measured = await measureObject(objectKey);
  if (!measured) return undefined;
  // An empty object has no head to read (a ranged GET of it is refused); its size already mismatches.
  const detectedType = measured.size > 0 ? await detectObjectType(objectKey) : undefined;
  return { ...measured, ...(detectedType ? { detectedType } : {}) };
}

export async function presignDownload(objectKey: string, fileName: string): Promise<{ url: string; expiresAt: string }> {
  const url = presignGet(bucketName('evidence'), objectKey, downloadExpirySeconds, {
    // Always a download, never rendered inline: an uploaded HTML or SVG cannot run in our origin.
    'response-content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  });
  return { url, expiresAt: new Date(Date.now() + downloadExpirySeconds * 1000).toISOString() };
}
