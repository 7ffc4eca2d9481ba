/** One HTTP request to an AWS endpoint over a keep-alive agent; network failures named as the SDK names them. */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export const transientCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);

export function agentFor(url: URL): HttpAgent {
  return url.protocol === 'http:'
    ? new HttpAgent({ keepAlive: true, maxSockets: 50 })
    : new HttpsAgent({ keepAlive: true, maxSockets: 50 });
}

/** Network failures are retried as the SDK's `TimeoutError`s are. */
function networkError(error: Error & { code?: string }): Error {
  return transientCodes.has(error.code ?? '') ? Object.assign(error, { name: 'TimeoutError' }) : error;
}

export interface Sent {
  method: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

/** The response as a stream (the caller reads or destroys it). */
export function open(url: URL, sent: Sent, agent: HttpAgent): Promise<IncomingMessage> {
  const request = url.protocol === 'http:' ? httpRequest : httpsRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: sent.method, headers: sent.headers, agent }, resolve);
    req.on('error', (e) => reject(networkError(e)));
    req.end(sent.body);
  });
}

export async function readAll(res: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of res) chunks.push(chunk as Buffer);
  } catch (error) {
    throw networkError(error as Error);
  }
  return Buffer.concat(chunks);
}

export async function fetchAll(url: URL, sent: Sent, agent: HttpAgent) {
  const res = await open(url, sent, agent);
  return { status: res.statusCode ?? 0, headers: res.headers, body: await readAll(res) };
}
