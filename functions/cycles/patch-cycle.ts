import { httpHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problems.ts';
import { getCycle, updateCycle } from '../../shared/store/cycles-store.ts';
import { VersionConflict } from '../../shared/store/errors.ts';
import { cycleErrors } from './cycle-checks.ts';

export const handler = httpHandler('patchCycle', async ({ params, body, caller }) => {
  const current = await getCycle(params.year);
  if (!current) throw problems.notFound(`cycle ${params.year} does not exist`);
  const { expectedVersion, reason, ...change } = body;
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw new VersionConflict(`cycle ${params.year}`, current);
  }
  const next = {
    ...current,
    ...(change.phase ? { phase: change.phase } : {}),
    ...(change.notApplicable ? { notApplicable: change.notApplicable } : {}),
    ...(change.extensions ? { extensions: { ...current.extensions, ...change.extensions } } : {}),
    deadlines: { ...current.deadlines, ...change.deadlines },
    version: current.version + 1,
  };
  const errors = await cycleErrors(next);
  if (errors.length > 0) throw problems.validation(errors.map((e) => ({ ...e, path: `body.${e.path}` })));
  return { body: await updateCycle(caller, current, next, reason) };
});
