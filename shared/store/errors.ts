/** Store outcomes the HTTP layer turns into 409s; the store itself knows nothing of HTTP. */
export class VersionConflict extends Error {
  constructor(
    readonly what: string,
    readonly current: unknown,
  ) {
    super(`${what} was changed by someone else; reload and retry`);
  }
}

export class StateConflict extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
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
