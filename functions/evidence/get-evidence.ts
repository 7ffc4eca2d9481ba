import { getEvidence } from '../../shared/app/evidence/get-evidence.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('getEvidence', async ({ params, caller }) => ({ body: await getEvidence(caller, { ...params }) }));
