/** Survey test helpers: a private survey per test file, CSV building, upload through the presigned POST, waiting for the event. */
import { readFileSync } from 'node:fs';
import { api } from './api.ts';
import { currentYear, uploadToForm } from './assessment-helpers.ts';

export const year = currentYear;

export const departmentSurvey = () => JSON.parse(readFileSync('reference/surveys/department-survey-2024.json', 'utf8'));

/** The reference department survey under a new id (each test file its own respondents). */
export async function createSurvey(token: string, surveyId: string, changes: Record<string, unknown> = {}) {
  const body = { ...departmentSurvey(), id: surveyId, unitType: 'department', name: `Khảo sát thử ${surveyId}`, ...changes };
  const res = await api('PUT', `/v1/cycles/${year}/surveys/${surveyId}`, { token, body });
  if (res.status !== 201 && res.status !== 200) throw new Error(`survey ${surveyId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export function csv(rows: readonly (readonly string[])[], options: { bom?: boolean; crlf?: boolean } = {}): Buffer {
  const eol = options.crlf ? '\r\n' : '\n';
  const text = rows.map((r) => r.join(',')).join(eol) + eol;
  return Buffer.concat([options.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}

export const contentTypes = { csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

export async function startImport(token: string, surveyId: string, fileName = 'phieu.csv', format: 'csv' | 'xlsx' = 'csv') {
  const res = await api('POST', `/v1/cycles/${year}/surveys/${surveyId}/imports`, { token, body: { fileName, format } });
  if (res.status !== 201) throw new Error(`import not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { importId: string; objectKey: string; upload: { url: string; fields: Record<string, string> } };
}

export async function waitForImport(token: string, surveyId: string, importId: string, timeoutMs = 60_000, after?: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await api('GET', `/v1/cycles/${year}/surveys/${surveyId}/imports/${importId}${after ? `?after=${after}` : ''}`, { token });
    if (res.status !== 200) throw new Error(`import status: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
    if (Date.now() > deadline) throw new Error(`import ${importId} still ${res.body.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Creates the import, uploads the file as a browser would, and waits for the upload event's ingestion. */
export async function importFile(token: string, surveyId: string, file: Buffer, format: 'csv' | 'xlsx' = 'csv', fileName?: string) {
  const created = await startImport(token, surveyId, fileName ?? `phieu.${format}`, format);
  const status = await uploadToForm(created.upload, file, contentTypes[format]);
  if (status >= 300) throw new Error(`upload failed: ${status}`);
  return { importId: created.importId, report: await waitForImport(token, surveyId, created.importId) };
}

export async function summary(token: string, surveyId: string) {
  const res = await api('GET', `/v1/cycles/${year}/surveys/${surveyId}/summary`, { token });
  if (res.status !== 200) throw new Error(`summary: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as {
    units: {
      unitId: string;
      groups: Record<string, { responses: number; target: number | null }>;
      leafScores: Record<string, number>;
      missing: string[];
    }[];
  };
}

export const header = ['respondentId', 'unitId', 'group', 'Q1_7_1', 'Q3_5_1', 'Q3_5_2'];
