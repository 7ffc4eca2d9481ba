/** Re-deriving an open cycle's frozen registry (entities/cycle-unit.ts): the chunks replaced with the cycle's version. */
import type { Caller } from '../domain/roles.ts';
import type { Cycle } from '../schemas/domain/cycles.ts';
import { auditEvent, auditPut } from './audit.ts';
import { tableName } from './clients.ts';
import { cyclePut, getCycle } from './cycles-store.ts';
import { cycleKeys } from './entities/cycle.ts';
import { cycleUnitChunks, cycleUnitKeys, type CycleUnit } from './entities/cycle-unit.ts';
import { fail } from '../domain/errors.ts';
import { clearReadCache } from './read-cache.ts';
import { transact } from './transactions.ts';

/**
 * One transaction: the cycle bumped from the version read (so a concurrent phase move or second
 * refresh is VERSION_CONFLICT), the new chunks written, chunks beyond them deleted, the audit event
 * with the diff. Other Lambda containers may serve the old registry from their read cache for up
 * to its TTL (10 s); this one forgets it at once.
 */
export async function replaceCycleRegistry(
  caller: Caller,
  change: { before: Cycle; after: Cycle; previousChunks: number; registry: readonly CycleUnit[]; diff: unknown; reason?: string },
): Promise<void> {
  const chunks = cycleUnitChunks(change.after.year, change.registry);
  const stale = Array.from({ length: Math.max(0, change.previousChunks - chunks.length) }, (_, i) => ({
    Delete: { TableName: tableName(), Key: cycleUnitKeys.chunk(change.after.year, chunks.length + i) },
  }));
  await transact(
    [
      cyclePut(change.after, change.before.version),
      ...chunks.map((Item) => ({ Put: { TableName: tableName(), Item } })),
      ...stale,
      auditPut(
        auditEvent(caller, cycleKeys.auditSubject(change.after.year), 'cycle.registry-refreshed', {
          target: String(change.after.year),
          after: change.diff,
          reason: change.reason,
        }),
      ),
    ],
    async () => fail.versionConflict(`cycle ${change.after.year}`, (await getCycle(change.after.year)) ?? null),
  );
  clearReadCache();
}
