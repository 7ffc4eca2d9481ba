import { httpHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problems.ts';
import { getCycle } from '../../shared/store/cycles-store.ts';

export const handler = httpHandler('getCycle', async ({ params }) => {
  const cycle = await getCycle(params.year);
  if (!cycle) throw problems.notFound(`cycle ${params.year} does not exist`);
  return { body: cycle };
});
