/** Store outcomes in the domain's vocabulary: the store itself knows nothing of HTTP. */
import { DomainError, type ErrorCode } from '../domain/errors.ts';

export class VersionConflict extends DomainError {
  constructor(
    readonly what: string,
    readonly current: unknown,
  ) {
    super('VERSION_CONFLICT', `${what} was changed by someone else; reload and retry`, { current });
  }
}

export class StateConflict extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}, code: ErrorCode = 'STATE_CONFLICT') {
    super(code, message, details);
  }
}

export function isConditionalFailure(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'ConditionalCheckFailedException') return true;
  if (name === 'TransactionCanceledException') {
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
    return reasons.some((r) => r.Code === 'ConditionalCheckFailed');
  }
  return false;
}
