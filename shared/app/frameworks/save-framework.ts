import { enforce, fail } from '../../domain/errors.ts';
import { frameworkInUseRefusal } from '../../domain/framework-use.ts';
import { parseFramework } from '../../domain/framework.ts';
import type { Caller } from '../../domain/roles.ts';
import type { FrameworkInput } from '../../schemas/framework.ts';
import type { StoredFramework } from '../../store/frameworks-store.ts';
import { frameworksStores, type FrameworksStores } from './stores.ts';

/** Creates or replaces a framework; one a cycle uses is frozen (FRAMEWORK_IN_USE). */
export async function saveFramework(
  caller: Caller,
  input: FrameworkInput & { frameworkId: string },
  stores: FrameworksStores = frameworksStores,
): Promise<StoredFramework> {
  const { frameworkId, ...body } = input;
  if (body.id !== frameworkId) throw fail.invalid([{ path: 'id', message: `must equal the frameworkId in the path ("${frameworkId}")` }]);
  const parsed = parseFramework(body);
  if (!parsed.ok) throw fail.invalid(parsed.errors);
  const current = await stores.getFramework(frameworkId);
  if (current) enforce(frameworkInUseRefusal(frameworkId, current.usedBy));
  return stores.saveFramework(caller, parsed.framework, current?.version);
}
