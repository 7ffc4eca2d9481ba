/** The DynamoDB document client, created on first use; `DYNAMODB_ENDPOINT` points it at DynamoDB Local. */
import { DocumentClient } from './dynamo/client.ts';

let documentClient: DocumentClient | undefined;

export function dynamo(): DocumentClient {
  documentClient ??= new DocumentClient({ endpoint: process.env.DYNAMODB_ENDPOINT || undefined, maxAttempts: 4 });
  return documentClient;
}

export function resetDynamo(): void {
  documentClient?.destroy();
  documentClient = undefined;
}
