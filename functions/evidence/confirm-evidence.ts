import { httpHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problems.ts';
import { confirmEvidence } from '../../shared/store/assessment-store.ts';
import { measureObject } from '../../shared/store/evidence-files.ts';
import { loadContext } from '../../shared/app/assessment/assessment-context.ts';
import { evidenceBody } from './evidence-view.ts';

export const handler = httpHandler('confirmEvidence', async ({ params, caller }) => {
  const ctx = await loadContext(caller, params.year, params.unitId, 'write-own');
  const record = ctx.loaded.evidence.get(params.evidenceId);
  if (!record) throw problems.notFound(`evidence ${params.evidenceId} not found`);
  if (record.status === 'confirmed') return { body: evidenceBody(record) };
  const stored = await measureObject(record.objectKey);
  if (!stored) throw problems.conflict('nothing has been uploaded for this evidence yet; upload it with the form from POST .../evidence');
  if (stored.size !== record.size || stored.sha256 !== record.sha256) {
    throw problems.unprocessable('the uploaded file does not match what was declared; upload the right file again', [
      ...(stored.size !== record.size ? [{ path: 'size', message: `declared ${record.size} bytes, uploaded ${stored.size}` }] : []),
      ...(stored.sha256 !== record.sha256 ? [{ path: 'sha256', message: `declared ${record.sha256}, uploaded ${stored.sha256}` }] : []),
    ]);
  }
  const confirmed = await confirmEvidence(caller, ctx.ref, record, new Date().toISOString());
  return { body: evidenceBody(confirmed) };
});
