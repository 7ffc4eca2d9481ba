import { byVietnameseName } from '../../shared/domain/collation.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { listUnits } from '../../shared/store/units-store.ts';

export const handler = httpHandler('listUnits', async ({ query }) => {
  const units = await listUnits(query);
  return { body: { units: units.sort(byVietnameseName) } };
});
