import { httpHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problems.ts';
import { publicationFiles } from '../../shared/app/results/report-input.ts';
import { getCycle } from '../../shared/store/cycles-store.ts';
import { getDraft, publish, putReportFile, type Publication } from '../../shared/store/results-store.ts';

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
  const files = await Promise.all((await publicationFiles(content)).map((f) => putReportFile(params.year, f.name, f.contentType, f.body)));
  const publication: Publication = { ...content, approvedBy: caller.username, files };
  await publish(caller, draft, publication, cycle.version);
  return { body: { year: params.year, decision: body.decision, approvedAt, files: files.map(({ key: _k, ...f }) => f) } };
});
