import { parentRuleViolation } from '../../shared/domain/unit-registry.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problems.ts';
import { getUnit, saveUnit } from '../../shared/store/units-store.ts';

export const handler = httpHandler('putUnit', async ({ params, body, caller }) => {
  const { expectedVersion, ...fields } = body;
  const unit = { id: params.unitId, ...fields };
  const parent = unit.parentId ? await getUnit(unit.parentId) : undefined;
  const violation = parentRuleViolation(unit, parent);
  if (violation) throw problems.unprocessable(violation, [{ path: 'body.parentId', message: violation }]);
  const saved = await saveUnit(caller, unit, { expectedVersion });
  return { status: saved.created ? 201 : 200, body: saved.unit };
});
