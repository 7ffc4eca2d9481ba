import { saveUnit } from '../../shared/app/registry/save-unit.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { unitRoutes } from '../../shared/routes/units.ts';

export const handler = httpHandler(unitRoutes, 'putUnit', async ({ params, body, caller }) => {
  const saved = await saveUnit(caller, { ...params, ...body });
  return { status: saved.created ? 201 : 200, body: saved.unit };
});
