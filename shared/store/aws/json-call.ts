/**
 * One call of an AWS JSON API (Step Functions, Cognito: `x-amz-target`; SES v2: REST JSON),
 * signed, retried (./retry.ts), its error named as the SDK names it (`__type` or `x-amzn-errortype`).
 * Why not the service's SDK client: each adds 150-250 KB of generic runtime to a pipeline task that
 * makes one kind of call (issue 15).
 */
import type { Agent } from 'node:http';
import { agentFor, fetchAll } from './http.ts';
import { withRetries, type AwsError } from './retry.ts';
import { environmentCredentials, environmentRegion, sha256Hex, signHeaders } from './sigv4.ts';

export interface JsonCall {
  /** Signing name and host prefix, e.g. `states` -> states.<region>.amazonaws.com. */
  service: 'states' | 'cognito-idp' | 'email';
  signingName?: string;
  /** `AWSStepFunctions.SendTaskSuccess`; absent for REST JSON. */
  target?: string;
  jsonVersion?: '1.0' | '1.1';
  path?: string;
  body: unknown;
}

const agents = new Map<string, Agent>();

function errorOf(status: number, headers: Record<string, unknown>, parsed: Record<string, unknown>): AwsError {
  const type = String(headers['x-amzn-errortype'] ?? parsed.__type ?? parsed.code ?? `Http${status}`).split(':')[0] ?? 'UnknownError';
  const { __type: _t, message, Message, ...members } = parsed;
  return Object.assign(new Error(String(message ?? Message ?? type)), members, {
    name: type.slice(type.lastIndexOf('#') + 1),
    $fault: status < 500 ? 'client' : 'server',
    $metadata: { httpStatusCode: status, requestId: headers['x-amzn-requestid'] },
  });
}

export async function awsJson<T>(call: JsonCall): Promise<T> {
  const region = environmentRegion();
  const url = new URL(`https://${call.service}.${region}.amazonaws.com${call.path ?? '/'}`);
  let agent = agents.get(url.host);
  if (!agent) agents.set(url.host, (agent = agentFor(url)));
  const body = JSON.stringify(call.body);
  const scope = { service: call.signingName ?? call.service, region, credentials: environmentCredentials(false) };
  return withRetries(async (attempt) => {
    const headers = signHeaders(scope, {
      method: 'POST',
      path: url.pathname,
      query: {},
      headers: {
        host: url.host,
        'content-type': call.target ? `application/x-amz-json-${call.jsonVersion ?? '1.0'}` : 'application/json',
        ...(call.target ? { 'x-amz-target': call.target } : {}),
        'content-length': String(Buffer.byteLength(body)),
        'amz-sdk-request': `attempt=${attempt}; max=4`,
      },
      payloadHash: sha256Hex(body),
    });
    const res = await fetchAll(url, { method: 'POST', headers, body }, agent);
    const text = res.body.toString('utf8');
    const parsed = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    if (res.status >= 200 && res.status < 300) return parsed as T;
    throw errorOf(res.status, res.headers, parsed);
  });
}
