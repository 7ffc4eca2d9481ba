/** The survey desk's reads and the rejected-row CSV, on the typed client. */
import { api, type Schemas } from '../api/client';
import { must } from './use-load';
import { reasonText } from './row-reasons';

export type StoredSurvey = Schemas['StoredSurvey'];
export type SurveyDefinition = Schemas['SurveyDefinition'];
export type ImportReport = Schemas['SurveyImportReport'];
export type Summary = Schemas['SurveySummary'];

export const surveyPath = (year: number, surveyId: string) => `/khao-sat/${year}/${encodeURIComponent(surveyId)}`;

export const loadSurvey = (year: number, surveyId: string) =>
  must(api().GET('/v1/cycles/{year}/surveys/{surveyId}', { params: { path: { year, surveyId } } }));

export const loadImport = (year: number, surveyId: string, importId: string, after?: number) =>
  must(
    api().GET('/v1/cycles/{year}/surveys/{surveyId}/imports/{importId}', {
      params: { path: { year, surveyId, importId }, query: after ? { after: String(after) } : {} },
    }),
  );

/** A target as the desk shows it: a number, or the Yamane rule in words. */
export function targetText(target: SurveyDefinition['targetSample'][string] | undefined): string {
  if (target === undefined) return 'không đặt';
  if (typeof target === 'number') return `${target} người`;
  const n = typeof target.population === 'number' ? `N = ${target.population}` : `N theo số liệu "${target.population}"`;
  return `Công thức Yamane, sai số ${String(target.margin).replace('.', ',')}, ${n}`;
}

const cell = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * Every rejected and duplicate row of an import, paged through the report route (1,000 rows a
 * page), as a CSV with a BOM so that Excel reads the Vietnamese reasons as UTF-8.
 */
export async function rejectedRowsCsv(year: number, surveyId: string, importId: string): Promise<string> {
  const lines = ['dong,ma_nguoi_tra_loi,loai,ly_do,ly_do_goc'];
  let after: number | undefined;
  do {
    const page = await loadImport(year, surveyId, importId, after);
    const rows = [
      ...page.rejected.map((r) => ({ ...r, kind: 'bị từ chối' })),
      ...page.duplicateRows.map((r) => ({ ...r, kind: 'trùng mã' })),
    ].sort((a, b) => a.line - b.line);
    for (const r of rows) lines.push([r.line, r.respondentId, r.kind, reasonText(r.reason), r.reason].map(cell).join(','));
    after = page.nextAfter;
  } while (after !== undefined);
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
