/**
 * The public answer page's read: what a code's holder may see (rules in
 * shared/app/surveys/get-public-invitation.ts). No sign-in; API Gateway throttles it as every
 * public route (api stack, `publicRoute`).
 */
import { httpHandler } from '../../shared/http/handler.ts';
import { surveyDeskRoutes } from '../../shared/routes/survey-desk.ts';
import { getPublicInvitation } from '../../shared/app/surveys/get-public-invitation.ts';

export const handler = httpHandler(surveyDeskRoutes, 'getPublicInvitation', async ({ params }) => ({
  body: await getPublicInvitation(params),
}));
