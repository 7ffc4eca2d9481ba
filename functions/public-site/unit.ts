import { orNotFound } from '../../shared/app/public-site/page.ts';
import { unitPage } from '../../shared/app/public-site/unit-page.ts';
import { pageHeaders } from '../../shared/app/public-site/html.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { publicUnitRoutes } from '../../shared/routes/public-unit.ts';

/** A unit's published history as HTML: index, rank and band per year, area sub-indexes. */
export const handler = httpHandler(publicUnitRoutes, 'publicSiteUnit', async ({ params }) => {
  const page = await orNotFound(() => unitPage(params.unitId));
  return { status: page.status, text: page.html, headers: pageHeaders };
});
