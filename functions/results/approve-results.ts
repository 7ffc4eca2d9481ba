import { httpHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problems.ts';
import { resultsCsv } from '../../shared/reports/csv.ts';
import { resultsHtml } from '../../shared/reports/html.ts';
import { resultsXlsx } from '../../shared/reports/xlsx.ts';
import { getCycle } from '../../shared/store/cycles-store.ts';
import { getDraft, publish, putReportFile, type Publication } from '../../shared/store/results-store.ts';
import { notifyApproval } from '../../shared/app/pipeline/approval-callback.ts';

export const handler = httpHandler('approveResults', async ({ params, body, caller }) => {
  const [cycle, draft] = await Promise.all([getCycle(params.year), getDraft(params.year)]);
  if (!cycle) throw problems.notFound(`cycle ${params.year} does not exist`);
  if (!draft) throw problems.conflict(`no results have been computed for ${params.year}`);
  if (draft.status === 'approved') throw problems.conflict(`the results of ${params.year} are already approved and published`);
  if (draft.computedAt !== body.computedAt) {
    throw problems.conflict('the results were recomputed after the draft you read; read them again before approving', {
      computedAt: draft.computedAt,
    });
  }
  if (draft.notFinalized.length > 0) {
    throw problems.unprocessable(
      `${draft.notFinalized.length} units have no finalised appraisal`,
      draft.notFinalized.map((u) => ({ path: `units["${u.unitId}"]`, message: `appraisal is "${u.state}", not "appraised"` })),
    );
  }
  const approvedAt = new Date().toISOString();
  const content = { year: params.year, decision: body.decision, approvedAt, results: draft.results };
  const files = await Promise.all([
    putReportFile(params.year, `results-${params.year}.json`, 'application/json', Buffer.from(JSON.stringify(content, null, 2))),
    putReportFile(params.year, `results-${params.year}.csv`, 'text/csv; charset=utf-8', Buffer.from(resultsCsv(draft.results))),
    putReportFile(
      params.year,
      `results-${params.year}.xlsx`,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      await resultsXlsx(new Date(approvedAt), draft.results),
    ),
    putReportFile(params.year, `report-${params.year}.html`, 'text/html; charset=utf-8', Buffer.from(resultsHtml(content))),
  ]);
  const publication: Publication = { ...content, approvedBy: caller.username, files };
  await publish(caller, draft, publication, cycle.version);
  // The yearly pipeline waits for this approval (task token); it resumes now instead of at its next poll.
  await notifyApproval(params.year);
  return { body: { year: params.year, decision: body.decision, approvedAt, files: files.map(({ key: _k, ...f }) => f) } };
});
