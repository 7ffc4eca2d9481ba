/**
 * The store's clients, created once per process, each on first use and each in its own module:
 * the lean DynamoDB document client (`dynamo/client.ts`) and the S3 calls (`s3/objects.ts`), so a
 * function that never touches S3 bundles no S3 code. `s3()` (the SDK's S3Client) remains for the
 * local runtime and tests (bucket creation, listing); no function bundles it.
 * Endpoints come from configuration (`DYNAMODB_ENDPOINT`, `S3_ENDPOINT`) so the same code talks to
 * DynamoDB Local and the S3 emulator; nothing branches on the environment's name.
 */
import { resetDynamo } from './dynamo-client.ts';
import { bucketDefinition, tableDefinition, type BucketId } from './resources.ts';
import { resetS3 } from './s3-client.ts';
import { resetObjects } from './s3/objects.ts';

export { dynamo } from './dynamo-client.ts';
export { s3 } from './s3-client.ts';

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
  resetDynamo();
  resetS3();
  resetObjects();
}
