/** Routes of one area. SRV: the survey desk and the public answer page (issue 14 item 3). */
import { importListSchema, publicInvitationParams, publicInvitationSchema } from '../schemas/api/survey-api.ts';
import { surveyParams } from '../schemas/files/survey-definition.ts';
import type { RouteDefinition } from './definition.ts';

export const surveyDeskRoutes = {
  getPublicInvitation: {
    method: 'GET',
    path: '/v1/public/survey-invitations/{code}',
    handler: 'functions/surveys/get-invitation.ts',
    access: 'public',
    summary: "What an invitation code's holder sees: the unit's name and the questions of the code's group (no sign-in)",
    params: publicInvitationParams,
    success: { status: 200, schema: publicInvitationSchema },
  },
  listSurveyImports: {
    method: 'GET',
    path: '/v1/cycles/{year}/surveys/{surveyId}/imports',
    handler: 'functions/surveys/list-imports.ts',
    access: ['admin'],
    summary: "The survey's imports, newest first, with their status and progress",
    params: surveyParams,
    success: { status: 200, schema: importListSchema },
  },
} as const satisfies Record<string, RouteDefinition>;
