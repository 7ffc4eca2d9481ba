/**
 * Evidence documents (tài liệu kiểm chứng): what may be uploaded, how its name is shown, where it
 * is stored. Keys are generated here from ids the server chose, never from client input.
 */
export const evidenceContentTypes = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
} as const;
export type EvidenceContentType = keyof typeof evidenceContentTypes;

export const defaultMaxEvidenceBytes = 20 * 1024 * 1024;

export function maxEvidenceBytes(env: Record<string, string | undefined> = process.env): number {
  const configured = Number(env.EVIDENCE_MAX_BYTES);
  return Number.isInteger(configured) && configured > 0 ? configured : defaultMaxEvidenceBytes;
}

// C0/C1 controls, bidi overrides and isolates, zero-width characters: they disguise names (báo cáo‮fdp.exe).
const disguising = /[\p{Cc}\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;

/** The display name: NFC, disguising characters removed, path separators neutralised, ≤ 255 chars. */
export function sanitizeFileName(raw: string): string {
  return raw.normalize('NFC').replace(disguising, '').replace(/[\\/]/g, '_').replace(/\s+/g, ' ').trim().slice(0, 255);
}

export function extensionMatches(fileName: string, contentType: EvidenceContentType): boolean {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return ext !== undefined && (evidenceContentTypes[contentType] as readonly string[]).includes(ext);
}

export function evidenceObjectKey(year: number, unitId: string, evidenceId: string): string {
  return `evidence/${year}/${unitId}/${evidenceId}`;
}

export type EvidenceStatus = 'pending' | 'confirmed';
