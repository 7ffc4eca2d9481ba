import { DomainError } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import { loadContext } from '../assessment/assessment-context.ts';
import { downloadStores, type DownloadStores } from './stores.ts';
import type { EvidenceInput } from './confirm-evidence.ts';
import { evidenceBody } from './evidence-view.ts';

/** Evidence metadata, and a short-lived download URL once it is confirmed. */
export async function getEvidence(caller: Caller, input: EvidenceInput, stores: DownloadStores = downloadStores()) {
  const ctx = await loadContext(caller, input.year, input.unitId, 'read', stores);
  const record = ctx.loaded.evidence.get(input.evidenceId);
  if (!record) throw new DomainError('EVIDENCE_NOT_FOUND', `evidence ${input.evidenceId} not found`);
  const download = record.status === 'confirmed' ? await stores.presignDownload(record.objectKey, record.fileName) : undefined;
  return evidenceBody(record, download);
}
