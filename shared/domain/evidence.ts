/**
 * Evidence documents (tài liệu kiểm chứng): what may be uploaded, how its name is shown, where it
 * is stored. Keys are generated here from ids the server chose, never from client input.
 */
import { refusal, type FieldError, type Refusal } from './errors.ts';

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

export interface EvidenceDeclaration {
  fileName: string;
  contentType: EvidenceContentType;
  size: number;
}

/** Field errors of a declared upload (paths relative to the input); `fileName` is the sanitised name. */
export function evidenceDeclarationErrors(declared: EvidenceDeclaration, limit = maxEvidenceBytes()): FieldError[] {
  const errors: FieldError[] = [];
  if (declared.size > limit) errors.push({ path: 'size', message: `${declared.size} bytes is above the limit of ${limit} bytes` });
  if (declared.fileName.length === 0) errors.push({ path: 'fileName', message: 'has no printable characters' });
  else if (!extensionMatches(declared.fileName, declared.contentType)) {
    errors.push({ path: 'fileName', message: `its extension does not match the content type ${declared.contentType}` });
  }
  return errors;
}

/** What the stored object turned out to be: measured size and checksum, and the type its leading bytes show. */
export interface StoredObject {
  size: number;
  sha256: string;
  /** The MIME type detected from the leading bytes; undefined when none is recognised. */
  detectedType?: string;
}

/**
 * Whether an uploaded object may become usable evidence: it must exist and match the declaration
 * (size, checksum, and the type its content shows). Error paths point into the evidence record.
 */
export function evidenceRefusal(
  declared: { size: number; sha256: string; contentType: string },
  stored: StoredObject | undefined,
): Refusal | undefined {
  if (!stored) {
    return refusal(
      'EVIDENCE_NOT_UPLOADED',
      'nothing has been uploaded for this evidence yet; upload it with the form from POST .../evidence',
    );
  }
  const errors: FieldError[] = [];
  if (stored.size !== declared.size) errors.push({ path: 'size', message: `declared ${declared.size} bytes, uploaded ${stored.size}` });
  if (stored.sha256 !== declared.sha256) errors.push({ path: 'sha256', message: `declared ${declared.sha256}, uploaded ${stored.sha256}` });
  if (errors.length === 0 && stored.detectedType !== declared.contentType) {
    errors.push({
      path: 'contentType',
      message: `declared ${declared.contentType}, but the file's content is ${stored.detectedType ?? 'not a recognised document or image'}`,
    });
  }
  if (errors.length === 0) return undefined;
  return refusal('EVIDENCE_MISMATCH', 'the uploaded file does not match what was declared; upload the right file again', {
    errors,
    errorsAt: 'resource',
  });
}
