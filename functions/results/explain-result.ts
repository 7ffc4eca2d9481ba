import { explainUnitResult } from '../../shared/app/results/explain-unit-result.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('explainUnitResult', async ({ params, caller }) => ({
  body: await explainUnitResult(params.year, params.unitId, caller),
}));
