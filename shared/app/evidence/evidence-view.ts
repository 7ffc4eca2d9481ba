import type { EvidenceRecord } from '../../store/assessment-store.ts';

/** What clients see of an evidence record: never the object key. */
export function evidenceBody(record: EvidenceRecord, download?: { url: string; expiresAt: string }) {
  const { objectKey: _key, ...visible } = record;
  return { ...visible, ...(download ? { download } : {}) };
}
