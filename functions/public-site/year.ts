import { orNotFound } from '../../shared/app/public-site/page.ts';
import { yearPage } from '../../shared/app/public-site/year-page.ts';
import { pageHeaders } from '../../shared/app/public-site/html.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { publicYearRoutes } from '../../shared/routes/public-year.ts';

/** A published year as HTML: rankings per unit type, report files with checksums, open data. */
export const handler = httpHandler(publicYearRoutes, 'publicSiteYear', async ({ params, query }) => {
  const page = await orNotFound(() => yearPage(params.year, query.type));
  return { status: page.status, text: page.html, headers: pageHeaders };
});
