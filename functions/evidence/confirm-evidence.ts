import { confirmEvidence } from '../../shared/app/evidence/confirm-evidence.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('confirmEvidence', async ({ params, caller }) => ({
  body: await confirmEvidence(caller, { ...params }),
}));
