/**
 * AWS SDK clients, created once per process. Endpoints come from configuration
 * (`DYNAMODB_ENDPOINT`, `S3_ENDPOINT`) so the same code talks to DynamoDB Local and the S3
 * emulator; nothing branches on the environment's name.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { bucketDefinition, tableDefinition, type BucketId } from './resources.ts';

let documentClient: DynamoDBDocumentClient | undefined;
let s3Client: S3Client | undefined;

export function dynamo(): DynamoDBDocumentClient {
  if (!documentClient) {
    const endpoint = process.env.DYNAMODB_ENDPOINT;
    const client = new DynamoDBClient({ ...(endpoint ? { endpoint } : {}), maxAttempts: 4 });
    documentClient = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    });
  }
  return documentClient;
}

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

export function tableName(): string {
  const name = process.env[tableDefinition.envVar];
  if (!name) throw new Error(`${tableDefinition.envVar} is not set`);
  return name;
}

export function bucketName(id: BucketId): string {
  const def = bucketDefinition(id);
  const name = process.env[def.envVar];
  if (!name) throw new Error(`${def.envVar} is not set`);
  return name;
}

/** Lets the local runtime and tests point already-created clients at new endpoints. */
export function resetClients(): void {
  documentClient?.destroy();
  s3Client?.destroy();
  documentClient = undefined;
  s3Client = undefined;
}
