/**
 * `Idempotency-Key` on POST routes: a replay returns the first response; the same key with a
 * different request is refused (422); a key still being worked on answers 409. Only successes are
 * remembered, so a refused request leaves nothing behind.
 */
import { createHash } from 'node:crypto';
import { claim, complete, release } from '../store/idempotency-store.ts';
import type { Caller } from '../domain/roles.ts';
import { DomainError } from '../domain/errors.ts';

type Response = { statusCode: number; headers: Record<string, string>; body: string };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export async function withIdempotency(
  key: string,
  scope: { caller: Caller; routeId: string; path: string; body: string | undefined },
  run: () => Promise<Response>,
): Promise<Response> {
  if (!/^[\x21-\x7e]{1,128}$/.test(key)) {
    throw new DomainError('IDEMPOTENCY_KEY_INVALID', 'headers.idempotency-key: must be 1 to 128 visible ASCII characters', {
      errors: [{ path: 'headers.idempotency-key', message: 'must be 1 to 128 visible ASCII characters' }],
      errorsAt: 'resource',
    });
  }
  // Keys are per user and route: two clerks choosing the same key never see each other's answers.
  const keyHash = sha256(`${scope.caller.subject}\n${scope.routeId}\n${key}`);
  const requestHash = sha256(`${scope.path}\n${scope.body ?? ''}`);
  const existing = await claim(keyHash, requestHash);
  if (existing) {
    if (existing.requestHash !== requestHash) {
      throw new DomainError(
        'IDEMPOTENCY_PAYLOAD_MISMATCH',
        'this Idempotency-Key was already used with a different request; use a new key',
      );
    }
    if (existing.status === 'completed' && existing.response) {
      return { ...existing.response, headers: { ...existing.response.headers, 'idempotent-replayed': 'true' } };
    }
    throw new DomainError('IDEMPOTENCY_IN_PROGRESS', 'a request with this Idempotency-Key is still being processed; retry shortly');
  }
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    await release(keyHash);
    throw error;
  }
  if (response.statusCode >= 200 && response.statusCode < 300) await complete(keyHash, response);
  else await release(keyHash);
  return response;
}
