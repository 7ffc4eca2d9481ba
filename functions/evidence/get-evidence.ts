import { httpHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problems.ts';
import { presignDownload } from '../../shared/store/evidence-files.ts';
import { loadContext } from '../../shared/app/assessment/assessment-context.ts';
import { evidenceBody } from './evidence-view.ts';

export const handler = httpHandler('getEvidence', async ({ params, caller }) => {
  const ctx = await loadContext(caller, params.year, params.unitId, 'read');
  const record = ctx.loaded.evidence.get(params.evidenceId);
  if (!record) throw problems.notFound(`evidence ${params.evidenceId} not found`);
  const download = record.status === 'confirmed' ? await presignDownload(record.objectKey, record.fileName) : undefined;
  return { body: evidenceBody(record, download) };
});
