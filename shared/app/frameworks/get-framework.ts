import { fail } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import type { StoredFramework } from '../../store/frameworks-store.ts';
import { frameworksStores, type FrameworksStores } from './stores.ts';

export async function getFramework(
  _caller: Caller,
  input: { frameworkId: string },
  stores: Pick<FrameworksStores, 'getFramework'> = frameworksStores,
): Promise<StoredFramework> {
  const stored = await stores.getFramework(input.frameworkId);
  if (!stored) throw fail.notFound(`framework ${input.frameworkId} does not exist`, 'FRAMEWORK_NOT_FOUND');
  return stored;
}
