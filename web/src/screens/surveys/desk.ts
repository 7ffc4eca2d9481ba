/** The survey desk's screens as one lazily loaded chunk (web/src/app.tsx). */
export { SurveyDesk } from './survey-desk';
export { SurveyDetail } from './survey-detail';
export { SurveyEdit } from './survey-edit';
export { SurveyImportProgress, SurveyImportStart } from './survey-import';
export { SurveyInvitations } from './survey-invitations';
