/**
 * Faults DynamoDB Local cannot produce, injected into this test process's SDK client (the one
 * place the project allows a doctored client): throttling and timeouts, before the request
 * reaches the table or after it committed. The middleware sits inside the SDK's retry loop, so
 * what is tested is the real client's retry strategy and the store's answer to a retried write.
 * Handlers run in this process through a second local HTTP adapter (infra/local/http-adapter.ts),
 * so they share the doctored client.
 */
import type { AddressInfo } from 'node:net';
import type { DocumentClient } from '../../shared/store/dynamo/client.ts';
import { createLocalApi } from '../../infra/local/http-adapter.ts';
import { createVerifier } from '../../infra/local/jwt.ts';
import { dynamo } from '../../shared/store/clients.ts';

export type FaultKind = 'ProvisionedThroughputExceededException' | 'ThrottlingException' | 'timeout' | 'timeout-after-commit';

/** Which first attempts fail, and how; `undefined` lets the call through. */
export type FaultPlan = (call: number, command: string) => FaultKind | undefined;

export interface Injector {
  plan: FaultPlan | undefined;
  injected: { command: string; kind: FaultKind }[];
  calls: number;
}

function sdkError(name: string, message: string, status: number) {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: status, attempts: 1 } });
}

/**
 * Writes whose retry after a committed attempt is idempotent: transactions carry a
 * ClientRequestToken (shared/store/transactions.ts). A conditional PutItem is not (see below).
 */
const retrySafeAfterCommit = /^(TransactWriteItems|GetItem|Query|Scan|BatchGetItem|UpdateItem|DeleteItem)Command$/;

/**
 * A mixed plan: every 3rd first attempt throttled (both names), every 5th timed out before it
 * reached the table, every 7th timed out after it committed (where a retry is safe, else before).
 */
export const mixedPlan: FaultPlan = (call, command) => {
  if (call % 7 === 0) return retrySafeAfterCommit.test(command) ? 'timeout-after-commit' : 'timeout';
  if (call % 5 === 0) return 'timeout';
  if (call % 3 === 0) return call % 2 === 0 ? 'ThrottlingException' : 'ProvisionedThroughputExceededException';
  return undefined;
};

/**
 * Every transaction's first attempt commits, then the client sees a timeout and retries it.
 * (The Idempotency-Key claim, a conditional PutItem, has its own test: it carries its owner.)
 */
export const transactionsCommitThenTimeOut: FaultPlan = (_call, command) =>
  command === 'TransactWriteItemsCommand' ? 'timeout-after-commit' : undefined;

export function installFaults(client: DocumentClient = dynamo()): Injector {
  const state: Injector = { plan: undefined, injected: [], calls: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const header = (args.request as { headers?: Record<string, string> } | undefined)?.headers?.['amz-sdk-request'] ?? '';
      // Only first attempts fail: every logical call is retried at least once, and then succeeds.
      if (!state.plan || !/attempt=1\b/.test(header)) return next(args);
      const command = context.commandName ?? 'unknown';
      const kind = state.plan(++state.calls, command);
      if (!kind) return next(args);
      state.injected.push({ command, kind });
      if (kind === 'timeout-after-commit') {
        await next(args);
        throw Object.assign(sdkError('TimeoutError', 'socket timed out after the request was sent', 0), { code: 'ETIMEDOUT' });
      }
      if (kind === 'timeout') throw Object.assign(sdkError('TimeoutError', 'connection timed out', 0), { code: 'ETIMEDOUT' });
      throw sdkError(kind, 'Rate of requests exceeds the allowed throughput', 400);
    },
    { step: 'deserialize', name: 'testFaultInjection', priority: 'high', override: true },
  );
  return state;
}

/** A second local HTTP adapter whose handlers run in this process (and so use the doctored client). */
export async function startInProcessApi(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createLocalApi({ verifier: await createVerifier() });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function call<T = any>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
}
