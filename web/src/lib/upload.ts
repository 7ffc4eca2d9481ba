/**
 * Evidence upload: SHA-256 in the browser (WebCrypto), the presigned POST with XMLHttpRequest for
 * its upload progress (fetch has none), then the API checks size and checksum on confirm.
 */
import { api, idempotencyKey } from '../api/client';
import type { Problem } from './problems';

export const acceptedTypes: Record<string, string> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
};

export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function postForm(url: string, fields: Record<string, string>, file: File, onProgress: (fraction: number) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => resolve(xhr.status);
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(form);
  });
}

export type UploadOutcome = { ok: true; evidenceId: string } | { ok: false; problem?: Problem; message?: string };

export async function uploadEvidence(
  year: number,
  unitId: string,
  file: File,
  onStep: (step: 'hashing' | 'uploading' | 'confirming', fraction?: number) => void,
): Promise<UploadOutcome> {
  const contentType = file.type || 'application/octet-stream';
  if (!acceptedTypes[contentType]) return { ok: false, message: 'Chỉ nhận tệp PDF, ảnh JPG/PNG, Word (.docx) hoặc Excel (.xlsx).' };
  // The API's limit (shared/domain/evidence.ts, 20 MB by default), said before a long upload.
  if (file.size > 20 * 1024 * 1024) return { ok: false, message: 'Tệp lớn hơn 20 MB. Vui lòng nén hoặc chia nhỏ tệp.' };
  if (file.size === 0) return { ok: false, message: 'Tệp rỗng, vui lòng chọn tệp khác.' };
  onStep('hashing');
  const sha256 = await sha256Hex(file);
  const params = { path: { year, unitId } };
  const created = await api().POST('/v1/cycles/{year}/units/{unitId}/evidence', {
    params,
    headers: { 'Idempotency-Key': idempotencyKey() },
    body: { fileName: file.name.normalize('NFC'), contentType: contentType as never, size: file.size, sha256 },
  });
  if (!created.data) return { ok: false, problem: created.error as Problem | undefined };
  onStep('uploading', 0);
  const status = await postForm(created.data.upload.url, created.data.upload.fields, file, (f) => onStep('uploading', f)).catch(() => 0);
  if (status < 200 || status >= 300) return { ok: false, message: 'Tải tệp lên không thành công. Kiểm tra mạng và thử lại.' };
  onStep('confirming');
  const evidenceId = created.data.evidenceId;
  const confirmed = await api().POST('/v1/cycles/{year}/units/{unitId}/evidence/{evidenceId}/confirm', {
    params: { path: { year, unitId, evidenceId } },
  });
  if (!confirmed.data) return { ok: false, problem: confirmed.error as Problem | undefined };
  return { ok: true, evidenceId };
}
