import { homePage } from '../../shared/app/public-site/home-page.ts';
import { orNotFound } from '../../shared/app/public-site/page.ts';
import { pageHeaders } from '../../shared/app/public-site/html.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { publicHomeRoutes } from '../../shared/routes/public-home.ts';

/** The public results site's start page: HTML that reads without JavaScript. */
export const handler = httpHandler(publicHomeRoutes, 'publicSiteHome', async () => {
  const page = await orNotFound(() => homePage());
  return { status: page.status, text: page.html, headers: pageHeaders };
});
