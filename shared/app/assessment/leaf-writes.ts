/** Writing one leaf of an assessment: the store's version condition, answered with the leaf as clients see it. */
import type { AssessmentState } from '../../domain/assessment-workflow.ts';
import { itemView, type StoredItem } from '../../domain/assessment.ts';
import { fail, isDomainError } from '../../domain/errors.ts';
import type { LeafEntry } from '../../domain/framework.ts';
import type { Caller } from '../../domain/roles.ts';
import type { AssessmentContext } from './assessment-context.ts';
import type { AssessmentStores } from './stores.ts';

export interface LeafWrite {
  after: StoredItem;
  action: string;
  reason?: string;
  expectedVersion?: number;
  markAppraised?: boolean;
}

export async function writeLeaf(
  caller: Caller,
  ctx: AssessmentContext,
  entry: LeafEntry,
  states: readonly AssessmentState[],
  write: LeafWrite,
  stores: AssessmentStores,
) {
  const { after, action, reason, expectedVersion, markAppraised } = write;
  try {
    await stores.saveItems(caller, ctx.ref, ctx.loaded, states, [{ after, action, reason, expectedVersion }], { markAppraised });
  } catch (error) {
    if (!isDomainError(error, 'VERSION_CONFLICT')) throw error;
    const current = error.details.current as StoredItem | null | undefined;
    throw fail.versionConflict(`item ${after.code}`, current ? itemView(entry, current, ctx.loaded.evidence) : null);
  }
  return itemView(entry, after, ctx.loaded.evidence);
}
