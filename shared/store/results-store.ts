/**
 * Results of a cycle: the draft the council reads (recomputed at will until approval) and the
 * publication (written once, with the report files' checksums; never changed afterwards).
 */
import { createHash } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Caller } from '../domain/roles.ts';
import type { Results } from '../schemas/results.ts';
import { auditEvent, auditPut } from './audit.ts';
import { bucketName, dynamo, s3, tableName } from './clients.ts';
import { isConditionalFailure, StateConflict } from './errors.ts';
import { keys, resultsKeys } from './keys.ts';
import { transactWrite } from './transactions.ts';

export interface DraftResults {
  year: number;
  status: 'draft' | 'approved';
  computedAt: string;
  computedBy: string;
  notFinalized: { unitId: string; state: string }[];
  results: Partial<Record<string, Results>>;
}

export interface ReportFile {
  name: string;
  contentType: string;
  bytes: number;
  sha256: string;
  key: string;
}

export interface Publication {
  year: number;
  decision: string;
  approvedAt: string;
  approvedBy: string;
  results: Partial<Record<string, Results>>;
  files: ReportFile[];
}

async function getItem<T>(key: { pk: string; sk: string }): Promise<T | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  if (!out.Item) return undefined;
  const { pk: _pk, sk: _sk, entity: _e, ...rest } = out.Item;
  return rest as T;
}

export const getDraft = (year: number) => getItem<DraftResults>(resultsKeys.draft(year));
export const getPublication = (year: number) => getItem<Publication>(resultsKeys.published(year));

/** Stores a new draft; refused once the cycle's results are published. */
export async function saveDraft(caller: Caller, draft: DraftResults): Promise<void> {
  try {
    await transactWrite([
      {
        ConditionCheck: { TableName: tableName(), Key: resultsKeys.published(draft.year), ConditionExpression: 'attribute_not_exists(pk)' },
      },
      { Put: { TableName: tableName(), Item: { ...resultsKeys.draft(draft.year), entity: 'results-draft', ...draft } } },
      auditPut(
        auditEvent(caller, resultsKeys.auditSubject(draft.year), 'results.computed', {
          after: {
            computedAt: draft.computedAt,
            units: Object.values(draft.results).reduce((n, r) => n + (r?.units.length ?? 0), 0),
            notFinalized: draft.notFinalized.length,
          },
        }),
      ),
    ]);
  } catch (error) {
    if (isConditionalFailure(error))
      throw new StateConflict(`the results of ${draft.year} are published and can no longer be recomputed`, {}, 'ALREADY_PUBLISHED');
    throw error;
  }
}

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

/**
 * Approval and publication in one transaction: the draft the council read (same computedAt) is
 * marked approved, the publication is written once, the cycle moves to `published`.
 */
export async function publish(caller: Caller, draft: DraftResults, publication: Publication, cycleVersion: number): Promise<void> {
  try {
    await transactWrite([
      {
        Update: {
          TableName: tableName(),
          Key: resultsKeys.draft(draft.year),
          UpdateExpression: 'SET #status = :approved',
          ConditionExpression: 'computedAt = :computedAt AND #status = :draft',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':approved': 'approved', ':draft': 'draft', ':computedAt': draft.computedAt },
        },
      },
      {
        Put: {
          TableName: tableName(),
          Item: { ...resultsKeys.published(draft.year), entity: 'results-published', ...publication },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Update: {
          TableName: tableName(),
          Key: keys.cycle(draft.year),
          UpdateExpression: 'SET phase = :published, version = version + :one',
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':published': 'published', ':one': 1, ':v': cycleVersion },
        },
      },
      auditPut(
        auditEvent(caller, resultsKeys.auditSubject(draft.year), 'results.approved', {
          reason: publication.decision,
          after: { computedAt: draft.computedAt, files: publication.files.map((f) => ({ name: f.name, sha256: f.sha256 })) },
        }),
      ),
    ]);
  } catch (error) {
    if (isConditionalFailure(error))
      throw new StateConflict('the draft was recomputed, or the results were approved, meanwhile; reload and retry');
    throw error;
  }
}
