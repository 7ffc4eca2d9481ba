import { httpHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problems.ts';
import { getPublication, reportUrl } from '../../shared/store/results-store.ts';

export const handler = httpHandler('publicReports', async ({ params }) => {
  const published = await getPublication(params.year);
  if (!published) throw problems.notFound(`the results of ${params.year} are not published`);
  const files = await Promise.all(
    published.files.map(async ({ key: _k, ...file }) => ({ ...file, url: await reportUrl({ ...file, key: _k }) })),
  );
  return { body: { year: published.year, decision: published.decision, approvedAt: published.approvedAt, files } };
});
