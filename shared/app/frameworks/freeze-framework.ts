/** The admin freezes a framework (it is then never replaced), and reads a framework's state: version, cycles using it, frozen. */
import { fail } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import type { StoredFramework } from '../../store/frameworks-store.ts';
import { frameworksStores, type FrameworksStores } from './stores.ts';

const stateOf = (s: StoredFramework) => ({
  frameworkId: s.framework.id,
  version: s.version,
  usedBy: s.usedBy,
  ...(s.frozenAt ? { frozenAt: s.frozenAt } : {}),
});

export async function frameworkState(
  _caller: Caller,
  input: { frameworkId: string },
  stores: Pick<FrameworksStores, 'getFramework'> = frameworksStores,
) {
  const stored = await stores.getFramework(input.frameworkId);
  if (!stored) throw fail.notFound(`framework ${input.frameworkId} does not exist`, 'FRAMEWORK_NOT_FOUND');
  return stateOf(stored);
}

/** Freezing needs the version read (a change since then is VERSION_CONFLICT); a frozen one answers FRAMEWORK_FROZEN. */
export async function freezeFramework(
  caller: Caller,
  input: { frameworkId: string; expectedVersion: number; reason?: string },
  stores: Pick<FrameworksStores, 'freezeFramework'> = frameworksStores,
) {
  return stateOf(await stores.freezeFramework(caller, input.frameworkId, input.expectedVersion, { reason: input.reason }));
}
