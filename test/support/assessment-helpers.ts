/** Helpers for the clerk's path: upload evidence through the presigned POST, fill every self leaf. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Framework } from '../../shared/schemas/files/framework.ts';
import { applicableLeaves } from '../../shared/domain/framework.ts';
import { api } from './api.ts';

export const currentYear = Number(new Date().toLocaleString('en-US', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }));

export function referenceFramework(type: 'department' | 'district' | 'commune'): Framework {
  return JSON.parse(readFileSync(`reference/frameworks/${type}-2024.json`, 'utf8')) as Framework;
}

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

export function pdfBytes(text: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, 'utf8');
}

/** POSTs the file to the presigned form exactly as a browser would. */
export async function uploadToForm(upload: { url: string; fields: Record<string, string> }, file: Buffer, contentType: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries(upload.fields)) form.append(k, v);
  form.append('file', new Blob([file], { type: contentType }), 'upload.pdf');
  const res = await fetch(upload.url, { method: 'POST', body: form });
  return res.status;
}

export async function uploadEvidence(token: string, year: number, unitId: string, file: Buffer, fileName = 'bao-cao.pdf') {
  const created = await api('POST', `/v1/cycles/${year}/units/${unitId}/evidence`, {
    token,
    body: { fileName, contentType: 'application/pdf', size: file.length, sha256: sha256(file) },
  });
  if (created.status !== 201) throw new Error(`evidence not created: ${created.status} ${JSON.stringify(created.body)}`);
  const uploaded = await uploadToForm(created.body.upload, file, 'application/pdf');
  if (uploaded >= 300) throw new Error(`upload failed: ${uploaded}`);
  return created.body.evidenceId as string;
}

/** Scores every applicable self leaf (max points), linking `evidenceId` where evidence is required. */
export async function fillSelfLeaves(
  token: string,
  year: number,
  unitId: string,
  framework: Framework,
  evidenceId: string,
  notApplicable: string[] = [],
) {
  for (const { leaf } of applicableLeaves(framework, notApplicable)) {
    if (leaf.method !== 'self') continue;
    const res = await api('PUT', `/v1/cycles/${year}/units/${unitId}/assessment/items/${leaf.code}`, {
      token,
      body: { selfScore: leaf.maxPoints, ...(leaf.evidenceRequired ? { evidence: [{ evidenceId, page: 'tr. 2' }] } : {}) },
    });
    if (res.status !== 200) throw new Error(`leaf ${leaf.code}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/** A cycle's deadlines in the usual shape: self-assessment mid-December, publication end of February. */
export function cycleDeadlines(year: number) {
  return {
    selfAssessment: `${year}-12-15T23:59:59+07:00`,
    appraisal: `${year + 1}-01-10T23:59:59+07:00`,
    explanation: `${year + 1}-01-20T23:59:59+07:00`,
    survey: `${year + 1}-01-20T23:59:59+07:00`,
    finalAppraisal: `${year + 1}-01-31T23:59:59+07:00`,
    publication: `${year + 1}-02-28T23:59:59+07:00`,
  };
}
