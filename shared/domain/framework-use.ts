/** A framework a cycle uses is frozen: a new decision is a new framework under a new id. */
import { refusal, type Refusal } from './errors.ts';

export function frameworkInUseRefusal(
  frameworkId: string,
  usedBy: readonly number[],
  published: readonly number[] = [],
): Refusal | undefined {
  if (usedBy.length === 0) return undefined;
  if (published.length > 0) {
    return refusal(
      'CYCLE_PUBLISHED',
      `framework ${frameworkId} fed the published index of ${published.join(', ')}: it can no longer change`,
      {
        usedBy,
      },
    );
  }
  return refusal(
    'FRAMEWORK_IN_USE',
    `framework ${frameworkId} is used by cycle ${usedBy.join(', ')} and is frozen; issue a new version under a new id`,
    { usedBy },
  );
}

/** A framework the admin froze is never replaced, whether or not a cycle uses it yet. */
export function frameworkFrozenRefusal(frameworkId: string, frozenAt: string | undefined): Refusal | undefined {
  if (!frozenAt) return undefined;
  return refusal('FRAMEWORK_FROZEN', `framework ${frameworkId} was frozen at ${frozenAt}; issue a new version under a new id`, {
    frozenAt,
  });
}
