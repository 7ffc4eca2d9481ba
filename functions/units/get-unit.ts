import { httpHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problems.ts';
import { getUnit } from '../../shared/store/units-store.ts';

export const handler = httpHandler('getUnit', async ({ params }) => {
  const unit = await getUnit(params.unitId);
  if (!unit) throw problems.notFound(`unit ${params.unitId} does not exist`);
  return { body: unit };
});
