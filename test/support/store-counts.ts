/** Read-backs that prove "nothing written": every item of the table and every object of the buckets, counted. */
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { ScanCommand } from '../../shared/store/dynamo/commands.ts';
import { bucketName, dynamo, s3, tableName } from '../../shared/store/clients.ts';
import { bucketDefinitions } from '../../shared/store/resources.ts';

/** Every item of the table, counted by a parallel Scan (the table grows large as the suite runs). */
export async function countItems(segments = 4): Promise<number> {
  const counts = await Promise.all(
    Array.from({ length: segments }, async (_v, segment) => {
      let count = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const page = await dynamo().send(
          new ScanCommand({ TableName: tableName(), Select: 'COUNT', Segment: segment, TotalSegments: segments, ExclusiveStartKey: start }),
        );
        count += page.Count ?? 0;
        start = page.LastEvaluatedKey;
      } while (start);
      return count;
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}

export async function countObjects(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const def of bucketDefinitions) {
    let count = 0;
    let token: string | undefined;
    do {
      const page = await s3().send(new ListObjectsV2Command({ Bucket: bucketName(def.id), ContinuationToken: token }));
      count += page.KeyCount ?? 0;
      token = page.NextContinuationToken;
    } while (token);
    out[def.id] = count;
  }
  return out;
}

export const storeSnapshot = async () => ({ items: await countItems(), objects: await countObjects() });
