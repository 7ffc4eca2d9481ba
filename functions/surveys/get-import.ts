import { httpHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problems.ts';
import { getImport, reportRows } from '../../shared/store/survey-imports-store.ts';

const pageSize = 1000;

export const handler = httpHandler('getSurveyImport', async ({ params, query }) => {
  const record = await getImport(params);
  if (!record) throw problems.notFound(`import ${params.importId} does not exist for survey ${params.surveyId} in cycle ${params.year}`);
  const page = await reportRows(params, query.after ?? 0, pageSize);
  const last = page.rows.at(-1);
  const view = (r: { line: number; respondentId: string; reason: string }) => ({
    line: r.line,
    respondentId: r.respondentId,
    reason: r.reason,
  });
  return {
    body: {
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
      ...(record.error ? { error: record.error } : {}),
      createdAt: record.createdAt,
      ...(record.finishedAt ? { finishedAt: record.finishedAt } : {}),
      ...(page.more && last ? { nextAfter: last.line } : {}),
    },
  };
});
