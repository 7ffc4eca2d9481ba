/**
 * The S3 calls the product makes, on plain signed HTTP (../aws/sigv4.ts): get (whole, ranged or
 * streamed), head, put with a SHA-256 checksum, presigned GET URLs and presigned POST forms. Why
 * not @aws-sdk/client-s3 with its presigners: ~380 KB in every function that touches a bucket, for
 * five calls (issue 15). `S3_ENDPOINT` points it at the S3 emulator (path-style addressing).
 * Errors keep the SDK's shape: `name` is S3's error code (`NoSuchKey`; `NotFound` for a HEAD),
 * with `$fault` and `$metadata.httpStatusCode`.
 */
import { tracingChannel } from 'node:diagnostics_channel';
import type { Agent, IncomingMessage } from 'node:http';
import { withRetries } from '../aws/retry.ts';
import { agentFor, open, readAll } from '../aws/http.ts';
import {
  credential,
  environmentCredentials,
  environmentRegion,
  presignUrl,
  sha256Hex,
  signHeaders,
  signString,
  stamp,
  unsignedPayload,
  uriEncode,
  type Scope,
} from '../aws/sigv4.ts';

/** Observers (the cost probe) subscribe to this channel; nothing is published when none listens. */
export const objectChannel = /* @__PURE__ */ tracingChannel<unknown, { operation: string; bucket: string; bytes: number }>('par:s3:send');

type S3Error = Error & { $fault: string; $metadata: { httpStatusCode: number } };

let agent: Agent | undefined;
const endpoint = () => (process.env.S3_ENDPOINT ? new URL(process.env.S3_ENDPOINT) : undefined);
const scope = (): Scope => ({ service: 's3', region: environmentRegion(), credentials: environmentCredentials(endpoint() !== undefined) });

/** Path-style against the emulator, virtual-hosted on AWS. */
function objectUrl(bucket: string, key = ''): URL {
  const path = key.split('/').map(uriEncode).join('/');
  const local = endpoint();
  if (local) return new URL(`${local.origin}${local.pathname.replace(/\/$/, '')}/${bucket}${key ? `/${path}` : ''}`);
  return new URL(`https://${bucket}.s3.${environmentRegion()}.amazonaws.com/${path}`);
}

async function errorOf(res: IncomingMessage, head: boolean): Promise<S3Error> {
  const text = (await readAll(res)).toString('utf8');
  const status = res.statusCode ?? 0;
  const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? (head && status === 404 ? 'NotFound' : `Http${status}`);
  const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1] ?? code;
  return Object.assign(new Error(message), {
    name: code,
    $fault: status < 500 ? 'client' : 'server',
    $metadata: { httpStatusCode: status },
  });
}

function traced<T>(operation: string, bucket: string, bytes: number, run: () => Promise<T>): Promise<T> {
  return objectChannel.hasSubscribers ? objectChannel.tracePromise(run, { operation, bucket, bytes }) : run();
}

async function request(method: string, bucket: string, key: string, extra: Record<string, string> = {}, body?: Buffer) {
  const url = objectUrl(bucket, key);
  agent ??= agentFor(url);
  const payloadHash = body ? sha256Hex(body) : method === 'GET' || method === 'HEAD' ? sha256Hex('') : unsignedPayload;
  const headers = signHeaders(scope(), {
    method,
    path: url.pathname,
    query: {},
    headers: { host: url.host, ...extra, ...(body ? { 'content-length': String(body.length) } : {}) },
    payloadHash,
  });
  // Retried as the SDK retries S3 calls: a keep-alive socket the server closed meanwhile
  // (ECONNRESET, "socket hang up") or a 5xx is an accident, not an answer. Bodies are Buffers, so
  // a retry sends the same bytes.
  return withRetries(async () => {
    const res = await open(url, { method, headers, body }, agent!);
    if ((res.statusCode ?? 0) >= 300) throw await errorOf(res, method === 'HEAD');
    return res;
  });
}

/** The object as a stream, with its length; `range` as in HTTP (`bytes=0-4095`). */
export function getObject(bucket: string, key: string, range?: string): Promise<{ body: IncomingMessage; size: number }> {
  return traced('GetObject', bucket, 0, async () => {
    const res = await request('GET', bucket, key, range ? { range } : {});
    return { body: res, size: Number(res.headers['content-length'] ?? 0) };
  });
}

export async function getObjectBytes(bucket: string, key: string, range?: string): Promise<Buffer> {
  return readAll((await getObject(bucket, key, range)).body);
}

export function headObject(bucket: string, key: string): Promise<{ size: number }> {
  return traced('HeadObject', bucket, 0, async () => {
    const res = await request('HEAD', bucket, key);
    res.resume();
    return { size: Number(res.headers['content-length'] ?? 0) };
  });
}

/** Stores the bytes with their SHA-256 checksum, which S3 verifies (Object Lock buckets require one). */
export function putObject(bucket: string, key: string, body: Buffer, contentType: string): Promise<void> {
  return traced('PutObject', bucket, body.length, async () => {
    const checksum = Buffer.from(sha256Hex(body), 'hex').toString('base64');
    const res = await request('PUT', bucket, key, { 'content-type': contentType, 'x-amz-checksum-sha256': checksum }, body);
    await readAll(res);
  });
}

/** A GET URL valid for `expiresIn` seconds; `query` adds response overrides (`response-content-disposition`). */
export function presignGet(bucket: string, key: string, expiresIn: number, query: Record<string, string> = {}): string {
  return presignUrl(scope(), objectUrl(bucket, key), query, expiresIn);
}

export type PostCondition = [string, string | number, string | number] | Record<string, string>;

/** A browser-form upload (POST policy), as @aws-sdk/s3-presigned-post builds it. */
export function presignPost(
  bucket: string,
  key: string,
  conditions: PostCondition[],
  fields: Record<string, string>,
  expiresIn: number,
): { url: string; fields: Record<string, string> } {
  const s = scope();
  const { amzDate, day } = stamp();
  const signed: Record<string, string> = {
    ...fields,
    bucket,
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': credential(s, day),
    'X-Amz-Date': amzDate,
    ...(s.credentials.sessionToken ? { 'X-Amz-Security-Token': s.credentials.sessionToken } : {}),
  };
  const expiration = new Date(Date.now() + expiresIn * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const all = [...conditions, ...Object.entries(signed).map(([k, v]) => ({ [k]: v })), { key }];
  const policy = Buffer.from(JSON.stringify({ expiration, conditions: all }), 'utf8').toString('base64');
  const url = objectUrl(bucket).href.replace(/\/$/, '');
  return { url, fields: { ...signed, key, Policy: policy, 'X-Amz-Signature': signString(s, day, policy) } };
}

export function resetObjects(): void {
  agent?.destroy();
  agent = undefined;
}
