/**
 * AWS Signature Version 4 on node:crypto: request headers (DynamoDB, S3), presigned URLs and POST
 * policies (S3). It replaces @smithy/signature-v4, whose generic runtime cost every function
 * ~14 KB; the algorithm is the published one (docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html).
 */
import { createHash, createHmac } from 'node:crypto';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface Scope {
  /** The signing name: `dynamodb`, `s3`, `states`, `cognito-idp`, `ses`. */
  service: string;
  region: string;
  credentials: Credentials;
}

const algorithm = 'AWS4-HMAC-SHA256';
export const unsignedPayload = 'UNSIGNED-PAYLOAD';

export const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 encoding, as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
export const uriEncode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `20261202T002500Z` and `20261202`. */
export function stamp(now = new Date()): { amzDate: string; day: string } {
  const amzDate = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  return { amzDate, day: amzDate.slice(0, 8) };
}

const keys = new Map<string, Buffer>();
function signingKey(scope: Scope, day: string): Buffer {
  const id = `${scope.credentials.secretAccessKey}/${day}/${scope.region}/${scope.service}`;
  let key = keys.get(id);
  if (!key) {
    key = hmac(hmac(hmac(hmac(`AWS4${scope.credentials.secretAccessKey}`, day), scope.region), scope.service), 'aws4_request');
    keys.clear(); // one key a day per service is all a process needs
    keys.set(id, key);
  }
  return key;
}

const credentialScope = (scope: Scope, day: string) => `${day}/${scope.region}/${scope.service}/aws4_request`;
export const credential = (scope: Scope, day: string) => `${scope.credentials.accessKeyId}/${credentialScope(scope, day)}`;

/** Signs a string (a POST policy) with the day's key. */
export const signString = (scope: Scope, day: string, text: string) =>
  createHmac('sha256', signingKey(scope, day)).update(text).digest('hex');

function canonicalQuery(query: Record<string, string>): string {
  return Object.keys(query)
    .sort()
    .map((k) => `${uriEncode(k)}=${uriEncode(query[k] ?? '')}`)
    .join('&');
}

interface Canonical {
  method: string;
  /** The path as sent, already URI-encoded. */
  path: string;
  query: Record<string, string>;
  /** Lower-case names. */
  headers: Record<string, string>;
  payloadHash: string;
}

function signature(scope: Scope, amzDate: string, req: Canonical): { signedHeaders: string; signature: string } {
  const names = Object.keys(req.headers).sort();
  const signedHeaders = names.join(';');
  const canonical = [
    req.method,
    req.path,
    canonicalQuery(req.query),
    names.map((n) => `${n}:${String(req.headers[n]).trim().replace(/\s+/g, ' ')}\n`).join(''),
    signedHeaders,
    req.payloadHash,
  ].join('\n');
  const day = amzDate.slice(0, 8);
  const toSign = [algorithm, amzDate, credentialScope(scope, day), sha256Hex(canonical)].join('\n');
  return { signedHeaders, signature: signString(scope, day, toSign) };
}

/** The headers of a signed request (`headers` must include `host`; names lower-case). */
export function signHeaders(scope: Scope, req: Canonical, now = new Date()): Record<string, string> {
  const { amzDate, day } = stamp(now);
  const headers: Record<string, string> = { ...req.headers, 'x-amz-date': amzDate };
  if (scope.credentials.sessionToken) headers['x-amz-security-token'] = scope.credentials.sessionToken;
  if (scope.service === 's3') headers['x-amz-content-sha256'] = req.payloadHash;
  const signed = signature(scope, amzDate, { ...req, headers });
  headers.authorization = `${algorithm} Credential=${credential(scope, day)}, SignedHeaders=${signed.signedHeaders}, Signature=${signed.signature}`;
  return headers;
}

/** A presigned GET URL (query-string auth, only `host` signed). */
export function presignUrl(scope: Scope, url: URL, query: Record<string, string>, expiresIn: number, now = new Date()): string {
  const { amzDate, day } = stamp(now);
  const q: Record<string, string> = {
    ...query,
    // As the SDK's S3 presigner sends it (optional for S3, and then part of what is signed).
    'X-Amz-Content-Sha256': unsignedPayload,
    'X-Amz-Algorithm': algorithm,
    'X-Amz-Credential': credential(scope, day),
    'X-Amz-Date': amzDate,
    'X-Amz-Expires': String(expiresIn),
    'X-Amz-SignedHeaders': 'host',
    ...(scope.credentials.sessionToken ? { 'X-Amz-Security-Token': scope.credentials.sessionToken } : {}),
  };
  const signed = signature(scope, amzDate, {
    method: 'GET',
    path: url.pathname,
    query: q,
    headers: { host: url.host },
    payloadHash: unsignedPayload,
  });
  return `${url.origin}${url.pathname}?${canonicalQuery({ ...q, 'X-Amz-Signature': signed.signature })}`;
}

/**
 * The execution role's credentials, from the environment (where Lambda puts them). Against a
 * local endpoint (the emulators accept a fixed key) a placeholder stands in when none are set.
 */
export function environmentCredentials(local: boolean): Credentials {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = process.env;
  if (accessKeyId && secretAccessKey) return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
  if (local) return { accessKeyId: 'local', secretAccessKey: 'local' };
  throw new Error('no AWS credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)');
}

export function environmentRegion(): string {
  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  if (!region) throw new Error('no AWS region (AWS_REGION)');
  return region;
}
