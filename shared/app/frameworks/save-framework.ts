import { enforce, fail } from '../../domain/errors.ts';
import { frameworkFrozenRefusal, frameworkInUseRefusal } from '../../domain/framework-use.ts';
import { parseFramework } from '../../domain/framework.ts';
import type { Caller } from '../../domain/roles.ts';
import type { FrameworkInput } from '../../schemas/files/framework.ts';
import type { StoredFramework } from '../../store/frameworks-store.ts';
import { frameworksStores, type FrameworksStores } from './stores.ts';

/** Creates or replaces a framework; one a cycle uses is frozen (FRAMEWORK_IN_USE). */
export async function saveFramework(
  caller: Caller,
  input: FrameworkInput & { frameworkId: string; expectedVersion?: number },
  stores: FrameworksStores = frameworksStores,
): Promise<StoredFramework> {
  const { frameworkId, expectedVersion, ...body } = input;
  if (body.id !== frameworkId) throw fail.invalid([{ path: 'id', message: `must equal the frameworkId in the path ("${frameworkId}")` }]);
  const parsed = parseFramework(body);
  if (!parsed.ok) throw fail.invalid(parsed.errors);
  const current = await stores.getFramework(frameworkId);
  if (current) {
    enforce(frameworkFrozenRefusal(frameworkId, current.frozenAt));
    const cycles = await Promise.all(current.usedBy.map((year) => stores.getCycle(year)));
    enforce(
      frameworkInUseRefusal(
        frameworkId,
        current.usedBy,
        cycles.flatMap((c) => (c?.phase === 'published' ? [c.year] : [])),
      ),
    );
    if (expectedVersion === undefined)
      throw fail.invalid([{ path: 'expectedVersion', message: 'required to change an existing framework' }]);
  }
  // The version goes to the store's condition: a change since the client read it is VERSION_CONFLICT.
  return stores.saveFramework(caller, parsed.framework, current ? expectedVersion : undefined);
}
