import { DomainError } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import type { ImportRecord, ReportRow } from '../../store/survey-imports-store.ts';
import { surveyStores, type SurveyStores } from './stores.ts';
import { compareVietnamese } from '../../domain/collation.ts';

const pageSize = 1000;

export interface ImportInput {
  year: number;
  surveyId: string;
  importId: string;
}

/** The import's status and a page of its row report (rows after line `after`). */
export async function getSurveyImport(_caller: Caller, input: ImportInput & { after?: number }, stores: SurveyStores = surveyStores) {
  const ref = { year: input.year, surveyId: input.surveyId, importId: input.importId };
  const record = await stores.getImport(ref);
  if (!record) throw importNotFound(ref);
  const page = await stores.reportRows(ref, input.after ?? 0, pageSize);
  return importReport(record, page);
}

export const importNotFound = (ref: ImportInput) =>
  new DomainError('IMPORT_NOT_FOUND', `import ${ref.importId} does not exist for survey ${ref.surveyId} in cycle ${ref.year}`);

export function importReport(record: ImportRecord, page: { rows: ReportRow[]; more: boolean } = { rows: [], more: false }) {
  const last = page.rows.at(-1);
  const view = (r: ReportRow) => ({ line: r.line, respondentId: r.respondentId, reason: r.reason });
  return {
    importId: record.importId,
    surveyId: record.surveyId,
    year: record.year,
    fileName: record.fileName,
    format: record.format,
    status: record.status,
    accepted: record.accepted,
    duplicates: record.duplicates,
    rejectedCount: record.rejectedCount,
    rejected: page.rows.filter((r) => r.kind === 'rejected').map(view),
    duplicateRows: page.rows.filter((r) => r.kind === 'duplicate').map(view),
    lines: record.lines,
    ...(record.totalLines !== undefined ? { totalLines: record.totalLines } : {}),
    ...(record.error ? { error: record.error } : {}),
    createdAt: record.createdAt,
    ...(record.finishedAt ? { finishedAt: record.finishedAt } : {}),
    ...(page.more && last ? { nextAfter: last.line } : {}),
  };
}

/** The survey's imports, newest first (ids sort by creation time). */
export async function listSurveyImports(_caller: Caller, input: { year: number; surveyId: string }, stores: SurveyStores = surveyStores) {
  if (!(await stores.getSurvey(input.year, input.surveyId))) {
    throw new DomainError('SURVEY_NOT_FOUND', `survey ${input.surveyId} does not exist in cycle ${input.year}`);
  }
  const records = await stores.listImports(input.year, input.surveyId);
  return {
    imports: records
      .sort((a, b) => compareVietnamese(b.importId, a.importId))
      .map((r) => {
        const { rejected: _r, duplicateRows: _d, surveyId: _s, year: _y, error: _e, nextAfter: _n, ...row } = importReport(r);
        return row;
      }),
  };
}
