/**
 * The SDK's standard retry rules, for every AWS call the store makes: up to 4 attempts, full-jitter
 * exponential backoff (500 ms base for throttling, 100 ms otherwise, 20 s cap), and only for
 * throttling, timeouts, network failures and 5xx answers. Anything else is an answer, not an accident.
 */
import { transientCodes } from './http.ts';

const throttling = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'ThrottledException',
  'TooManyRequestsException',
  'TransactionInProgressException',
  'SlowDown',
]);
const transientNames = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'InternalServerError']);

export type AwsError = Error & { code?: string; $fault?: string; $metadata?: { httpStatusCode?: number } };

export function retryKind(error: AwsError): 'throttle' | 'transient' | undefined {
  if (throttling.has(error.name)) return 'throttle';
  const status = error.$metadata?.httpStatusCode ?? 0;
  if (transientNames.has(error.name) || transientCodes.has(error.code ?? '') || [500, 502, 503, 504].includes(status)) return 'transient';
  return undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `call(attempt)` until it succeeds, its error is not retryable, or the attempts are spent. */
export async function withRetries<T>(call: (attempt: number) => Promise<T>, maxAttempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call(attempt);
    } catch (error) {
      const kind = retryKind(error as AwsError);
      if (!kind || attempt >= maxAttempts) throw error;
      await sleep(Math.random() * Math.min(20_000, (kind === 'throttle' ? 500 : 100) * 2 ** (attempt - 1)));
    }
  }
}
