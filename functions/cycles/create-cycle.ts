import { newCycle } from '../../shared/domain/cycle.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problems.ts';
import { createCycle } from '../../shared/store/cycles-store.ts';
import { cycleErrors } from './cycle-checks.ts';

export const handler = httpHandler('createCycle', async ({ body, caller }) => {
  const errors = await cycleErrors(body);
  if (errors.length > 0) throw problems.validation(errors.map((e) => ({ ...e, path: `body.${e.path}` })));
  const cycle = await createCycle(caller, newCycle(body));
  return { status: 201, body: cycle, headers: { location: `/v1/cycles/${cycle.year}` } };
});
