/** The S3 client, created on first use; `S3_ENDPOINT` points it at the S3 emulator. */
import { S3Client } from '@aws-sdk/client-s3';

let s3Client: S3Client | undefined;

export function s3(): S3Client {
  if (!s3Client) {
    const endpoint = process.env.S3_ENDPOINT;
    s3Client = new S3Client({
      ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
      // Presigned URLs and checksums must work against the emulator too.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }
  return s3Client;
}

export function resetS3(): void {
  s3Client?.destroy();
  s3Client = undefined;
}
