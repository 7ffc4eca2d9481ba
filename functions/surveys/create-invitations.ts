import { httpHandler } from '../../shared/http/handler.ts';
import { surveyRoutes } from '../../shared/routes/surveys.ts';
import { createInvitations } from '../../shared/app/surveys/create-invitations.ts';

export const handler = httpHandler(surveyRoutes, 'createSurveyInvitations', async ({ params, body, caller }) => ({
  status: 201,
  body: await createInvitations(caller, { ...params, ...body }),
}));
