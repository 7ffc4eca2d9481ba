/**
 * The one route table: read by the CDK api stack (one function per route), the local HTTP
 * adapter, the OpenAPI generator and the handlers themselves (schemas and role check).
 * A route names its handler module by path; nothing here imports handler code.
 */
import type { BucketId } from './store/resources.ts';
import type { Role } from './domain/roles.ts';
import { problemSchema } from './schemas/api/common.ts';
import { cycleBody, cycleOpenedSchema, cycleSchema, patchCycleBody } from './schemas/domain/cycles.ts';
import { frameworkSchema, putFrameworkBody } from './schemas/files/framework.ts';
import { listUnitsQuery, putUnitBody, unitListSchema, unitParams, unitSchema } from './schemas/domain/units.ts';
import { yearParam } from './schemas/api/common.ts';
import * as z from 'zod';
import { idString } from './schemas/zod.ts';
import { approveBody, draftSchema, publicationSchema, reportsSchema, resultsParams, resultsQuery } from './schemas/api/results-api.ts';
import {
  explanationSchema,
  openDataSchema,
  publicUnitParams,
  publishedYearsSchema,
  unitHistorySchema,
  unitResultParams,
} from './schemas/api/results-insights.ts';
import { putSurveyBody, storedSurveySchema, surveyParams } from './schemas/files/survey-definition.ts';
import {
  createImportBody,
  createImportResponse,
  createInvitationsBody,
  importParams,
  importReportQuery,
  importReportSchema,
  invitationsResponse,
  publicResponseAnswer,
  publicResponseBody,
  publicSurveyParams,
  summarySchema,
} from './schemas/api/survey-api.ts';
import {
  cycleAuditQuery,
  cycleAuditSchema,
  frameworkImportBody,
  frameworkImportSchema,
  frameworkStateSchema,
  freezeFrameworkBody,
  pipelineStatusSchema,
} from './schemas/api/admin-api.ts';
import {
  assessmentParams,
  assessmentSchema,
  assessmentItemSchema,
  createEvidenceBody,
  evidenceParams,
  evidenceSchema,
  evidenceUploadSchema,
  historySchema,
  itemParams,
  putSelfItemBody,
  submitResultSchema,
  acceptRemainingSchema,
  appraisalBody,
  explanationBody,
  reopenBody,
  returnBody,
  transitionResultSchema,
  worklistQuery,
  worklistSchema,
} from './schemas/api/assessment.ts';

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

/** `public`: no token; `signed-in`: any valid token; a role list: one of those groups. */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface RouteDefinition {
  readonly method: HttpMethod;
  /** API Gateway path template, e.g. `/v1/units/{unitId}`. */
  readonly path: string;
  /** Handler module, relative to the project root; it exports `handler`. */
  readonly handler: string;
  readonly access: Access;
  readonly summary: string;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** Success status and the response schema (for OpenAPI and tests). */
  readonly success: { readonly status: number; readonly schema?: z.ZodType };
  /** Extra environment: which buckets the handler reads or writes (the table is always granted). */
  readonly buckets?: readonly { readonly id: BucketId; readonly access: 'read' | 'write' | 'readWrite' }[];
  /**
   * The route honours an `Idempotency-Key` header (a replay answers the first response). A
   * mutating route without it answers 400 IDEMPOTENCY_NOT_SUPPORTED when the header is sent.
   */
  readonly idempotent?: boolean;
  /** Heavier work (imports, computation) gets more memory and time. */
  readonly size?: 'small' | 'large';
}

const yearOnly = z.strictObject({ year: yearParam });

export const routes = {
  listUnits: {
    method: 'GET',
    path: '/v1/units',
    handler: 'functions/units/list-units.ts',
    access: 'signed-in',
    summary: 'Unit registry, filtered by type and parent',
    query: listUnitsQuery,
    success: { status: 200, schema: unitListSchema },
  },
  getUnit: {
    method: 'GET',
    path: '/v1/units/{unitId}',
    handler: 'functions/units/get-unit.ts',
    access: 'signed-in',
    summary: 'One unit',
    params: unitParams,
    success: { status: 200, schema: unitSchema },
  },
  putUnit: {
    method: 'PUT',
    path: '/v1/units/{unitId}',
    handler: 'functions/units/put-unit.ts',
    access: ['admin'],
    summary: 'Create or update a unit',
    params: unitParams,
    body: putUnitBody,
    success: { status: 200, schema: unitSchema },
    idempotent: true,
  },
  getFramework: {
    method: 'GET',
    path: '/v1/frameworks/{frameworkId}',
    handler: 'functions/frameworks/get-framework.ts',
    access: 'signed-in',
    summary: 'A criteria framework',
    params: z.strictObject({ frameworkId: idString }),
    success: { status: 200, schema: frameworkSchema },
  },
  putFramework: {
    method: 'PUT',
    path: '/v1/frameworks/{frameworkId}',
    handler: 'functions/frameworks/put-framework.ts',
    access: ['admin'],
    summary: 'Create or replace a framework; refused (409) once a cycle uses it',
    params: z.strictObject({ frameworkId: idString }),
    body: putFrameworkBody,
    success: { status: 200, schema: frameworkSchema },
    idempotent: true,
  },
  createCycle: {
    method: 'POST',
    path: '/v1/cycles',
    handler: 'functions/cycles/create-cycle.ts',
    access: ['admin'],
    summary: 'Open a cycle: year, framework per unit type, deadlines',
    body: cycleBody,
    success: { status: 201, schema: cycleOpenedSchema },
    idempotent: true,
  },
  getCycle: {
    method: 'GET',
    path: '/v1/cycles/{year}',
    handler: 'functions/cycles/get-cycle.ts',
    access: 'signed-in',
    summary: 'A cycle, its phase and deadlines',
    params: yearOnly,
    success: { status: 200, schema: cycleSchema },
  },
  patchCycle: {
    method: 'PATCH',
    path: '/v1/cycles/{year}',
    handler: 'functions/cycles/patch-cycle.ts',
    access: ['admin'],
    summary: 'Change deadlines, exemptions or phase (audited)',
    params: yearOnly,
    body: patchCycleBody,
    success: { status: 200, schema: cycleSchema },
    idempotent: true,
  },
  // Self-assessment and evidence (unit users write their own; readers per shared/domain/permissions.ts)
  getAssessment: {
    method: 'GET',
    path: '/v1/cycles/{year}/units/{unitId}/assessment',
    handler: 'functions/assessment/get-assessment.ts',
    access: 'signed-in',
    summary: "A unit's assessment: every applicable leaf with its scores, evidence and explanations",
    params: assessmentParams,
    success: { status: 200, schema: assessmentSchema },
  },
  putSelfItem: {
    method: 'PUT',
    path: '/v1/cycles/{year}/units/{unitId}/assessment/items/{code}',
    handler: 'functions/assessment/put-self-item.ts',
    access: ['unit'],
    summary: "Set a self score, the declared figure, a note and the leaf's evidence; answers with the rule's suggested score",
    params: itemParams,
    body: putSelfItemBody,
    success: { status: 200, schema: assessmentItemSchema },
    idempotent: true,
  },
  createEvidence: {
    method: 'POST',
    path: '/v1/cycles/{year}/units/{unitId}/evidence',
    handler: 'functions/evidence/create-evidence.ts',
    access: ['unit'],
    summary: 'Register an evidence document and get a presigned POST to upload it',
    params: assessmentParams,
    body: createEvidenceBody,
    success: { status: 201, schema: evidenceUploadSchema },
    buckets: [{ id: 'evidence', access: 'write' }],
    idempotent: true,
  },
  confirmEvidence: {
    method: 'POST',
    path: '/v1/cycles/{year}/units/{unitId}/evidence/{evidenceId}/confirm',
    handler: 'functions/evidence/confirm-evidence.ts',
    access: ['unit'],
    summary: "Check the uploaded object's size and SHA-256, then mark the evidence usable",
    params: evidenceParams,
    success: { status: 200, schema: evidenceSchema },
    buckets: [{ id: 'evidence', access: 'read' }],
    idempotent: true,
  },
  getEvidence: {
    method: 'GET',
    path: '/v1/cycles/{year}/units/{unitId}/evidence/{evidenceId}',
    handler: 'functions/evidence/get-evidence.ts',
    access: 'signed-in',
    summary: 'Evidence metadata and a short-lived download URL',
    params: evidenceParams,
    success: { status: 200, schema: evidenceSchema },
    buckets: [{ id: 'evidence', access: 'read' }],
  },
  submitAssessment: {
    method: 'POST',
    path: '/v1/cycles/{year}/units/{unitId}/assessment/submit',
    handler: 'functions/assessment/submit-assessment.ts',
    access: ['unit'],
    summary: 'Submit the self-assessment: refused with the list of what is missing',
    params: assessmentParams,
    success: { status: 200, schema: submitResultSchema },
    idempotent: true,
  },
  getHistory: {
    method: 'GET',
    path: '/v1/cycles/{year}/units/{unitId}/history',
    handler: 'functions/assessment/get-history.ts',
    access: 'signed-in',
    summary: "The assessment's audit events, newest first",
    params: assessmentParams,
    success: { status: 200, schema: historySchema },
  },
  // Appraisal and explanation rounds (scope: shared/domain/permissions.ts and appraisal.ts)
  listAppraisals: {
    method: 'GET',
    path: '/v1/cycles/{year}/appraisals',
    handler: 'functions/appraisal/list-appraisals.ts',
    access: ['appraiser', 'admin'],
    summary: "Worklist: the assessments in the caller's scope with appraisal progress",
    params: z.strictObject({ year: yearParam }),
    query: worklistQuery,
    success: { status: 200, schema: worklistSchema },
  },
  putAppraisalItem: {
    method: 'PUT',
    path: '/v1/cycles/{year}/units/{unitId}/appraisal/items/{code}',
    handler: 'functions/appraisal/put-appraisal-item.ts',
    access: ['appraiser'],
    summary: 'Accept or adjust a self score; a reason is required when it differs',
    params: itemParams,
    body: appraisalBody,
    success: { status: 200, schema: assessmentItemSchema },
    idempotent: true,
  },
  returnAssessment: {
    method: 'POST',
    path: '/v1/cycles/{year}/units/{unitId}/appraisal/return',
    handler: 'functions/appraisal/return-assessment.ts',
    access: ['appraiser'],
    summary: 'Return the assessment to the unit for explanation (giải trình)',
    params: assessmentParams,
    body: returnBody,
    success: { status: 200, schema: transitionResultSchema },
    idempotent: true,
  },
  putExplanationItem: {
    method: 'PUT',
    path: '/v1/cycles/{year}/units/{unitId}/explanations/items/{code}',
    handler: 'functions/appraisal/put-explanation-item.ts',
    access: ['unit'],
    summary: "The unit's explanation of one leaf, with new evidence, while returned",
    params: itemParams,
    body: explanationBody,
    success: { status: 200, schema: assessmentItemSchema },
    idempotent: true,
  },
  submitExplanations: {
    method: 'POST',
    path: '/v1/cycles/{year}/units/{unitId}/explanations/submit',
    handler: 'functions/appraisal/submit-explanations.ts',
    access: ['unit'],
    summary: 'Hand the explanations in: state → explained, next appraisal round',
    params: assessmentParams,
    success: { status: 200, schema: transitionResultSchema },
    idempotent: true,
  },
  acceptRemaining: {
    method: 'POST',
    path: '/v1/cycles/{year}/units/{unitId}/appraisal/accept-remaining',
    handler: 'functions/appraisal/accept-remaining.ts',
    access: ['appraiser'],
    summary: "Appraised = self score for every leaf in the caller's scope still without one (audited per leaf)",
    params: assessmentParams,
    success: { status: 200, schema: acceptRemainingSchema },
    idempotent: true,
  },
  finalizeAppraisal: {
    method: 'POST',
    path: '/v1/cycles/{year}/units/{unitId}/appraisal/finalize',
    handler: 'functions/appraisal/finalize-appraisal.ts',
    access: ['appraiser'],
    summary: 'Close the appraisal: state → appraised; refused while leaves lack an appraised score',
    params: assessmentParams,
    success: { status: 200, schema: transitionResultSchema },
    idempotent: true,
  },
  reopenAssessment: {
    method: 'POST',
    path: '/v1/cycles/{year}/units/{unitId}/appraisal/reopen',
    handler: 'functions/appraisal/reopen-assessment.ts',
    access: ['admin'],
    summary: 'Reopen a finalised appraisal, with a reason (audited)',
    params: assessmentParams,
    body: reopenBody,
    success: { status: 200, schema: transitionResultSchema },
    idempotent: true,
  },
  // Sociological survey: definitions, bulk imports (ingested on the upload event), invitations, public responses
  putSurvey: {
    method: 'PUT',
    path: '/v1/cycles/{year}/surveys/{surveyId}',
    handler: 'functions/surveys/put-survey.ts',
    access: ['admin'],
    summary: 'Create or replace a survey definition: questions mapped to survey leaves, groups, options, target sample',
    params: surveyParams,
    body: putSurveyBody,
    success: { status: 200, schema: storedSurveySchema },
    idempotent: true,
  },
  getSurvey: {
    method: 'GET',
    path: '/v1/cycles/{year}/surveys/{surveyId}',
    handler: 'functions/surveys/get-survey.ts',
    access: 'signed-in',
    summary: 'A survey definition',
    params: surveyParams,
    success: { status: 200, schema: storedSurveySchema },
  },
  createSurveyImport: {
    method: 'POST',
    path: '/v1/cycles/{year}/surveys/{surveyId}/imports',
    handler: 'functions/surveys/create-import.ts',
    access: ['admin'],
    summary: 'Register a CSV or XLSX response file and get a presigned POST; ingestion runs on the upload event',
    params: surveyParams,
    body: createImportBody,
    success: { status: 201, schema: createImportResponse },
    buckets: [{ id: 'imports', access: 'write' }],
    idempotent: true,
  },
  getSurveyImport: {
    method: 'GET',
    path: '/v1/cycles/{year}/surveys/{surveyId}/imports/{importId}',
    handler: 'functions/surveys/get-import.ts',
    access: ['admin'],
    summary: 'Import status: rows accepted, duplicates, rejected rows with line and reason',
    params: importParams,
    query: importReportQuery,
    success: { status: 200, schema: importReportSchema },
  },
  rerunSurveyImport: {
    method: 'POST',
    path: '/v1/cycles/{year}/surveys/{surveyId}/imports/{importId}/rerun',
    handler: 'functions/surveys/rerun-import.ts',
    access: ['admin'],
    summary: 'Re-run a failed import from its uploaded file (audited); the ingestion re-drive takes it up',
    params: importParams,
    success: { status: 202, schema: importReportSchema },
    idempotent: true,
  },
  createSurveyInvitations: {
    method: 'POST',
    path: '/v1/cycles/{year}/surveys/{surveyId}/invitations',
    handler: 'functions/surveys/create-invitations.ts',
    access: ['admin'],
    summary: 'One-time response codes bound to a unit and a respondent group (stored hashed)',
    params: surveyParams,
    body: createInvitationsBody,
    success: { status: 201, schema: invitationsResponse },
    // Refuses Idempotency-Key on purpose: a replay store would keep the codes in clear; a retry just issues new codes.
  },
  submitSurveyResponse: {
    method: 'POST',
    path: '/v1/public/surveys/{surveyId}/responses',
    handler: 'functions/surveys/submit-response.ts',
    access: 'public',
    summary: 'Answer the survey with an invitation code (no sign-in; a code answers once)',
    params: publicSurveyParams,
    body: publicResponseBody,
    success: { status: 201, schema: publicResponseAnswer },
    // Refuses Idempotency-Key: an anonymous caller has no identity to scope keys by; the code itself answers once.
  },
  getSurveySummary: {
    method: 'GET',
    path: '/v1/cycles/{year}/surveys/{surveyId}/summary',
    handler: 'functions/surveys/get-summary.ts',
    access: ['admin', 'council'],
    summary: 'Per unit: responses per group against the target sample, and the survey leaf scores',
    params: surveyParams,
    success: { status: 200, schema: summarySchema },
    size: 'large',
  },
  // Computation, approval and publication (DESIGN §3.2, §3.4)
  computeResults: {
    method: 'POST',
    path: '/v1/cycles/{year}/results/compute',
    handler: 'functions/results/compute-results.ts',
    access: ['admin'],
    summary: 'Compute (draft) results from appraised and survey scores; may be rerun until approval',
    params: resultsParams,
    success: { status: 200, schema: draftSchema },
    size: 'large',
    idempotent: true,
  },
  getResults: {
    method: 'GET',
    path: '/v1/cycles/{year}/results',
    handler: 'functions/results/get-results.ts',
    access: ['admin', 'council'],
    summary: 'Draft results with rank, band and area sub-indexes',
    params: resultsParams,
    query: resultsQuery,
    success: { status: 200, schema: draftSchema },
  },
  approveResults: {
    method: 'POST',
    path: '/v1/cycles/{year}/results/approve',
    handler: 'functions/results/approve-results.ts',
    access: ['council'],
    summary: 'Approve the draft the council read and publish it: immutable reports (JSON, CSV, XLSX, HTML)',
    params: resultsParams,
    body: approveBody,
    success: { status: 200, schema: reportsSchema },
    idempotent: true,
    buckets: [{ id: 'reports', access: 'write' }],
    size: 'large',
  },
  publicResults: {
    method: 'GET',
    path: '/v1/public/results/{year}',
    handler: 'functions/results/public-results.ts',
    access: 'public',
    summary: 'Published results',
    params: resultsParams,
    query: resultsQuery,
    success: { status: 200, schema: publicationSchema },
  },
  publicReports: {
    method: 'GET',
    path: '/v1/public/results/{year}/reports',
    handler: 'functions/results/public-reports.ts',
    access: 'public',
    summary: 'The published report files with their SHA-256 checksums and download links',
    params: resultsParams,
    success: { status: 200, schema: reportsSchema },
    buckets: [{ id: 'reports', access: 'read' }],
  },
  // Results that explain themselves (issue 12): the trace of one unit, published years, a unit's history, open data
  explainUnitResult: {
    method: 'GET',
    path: '/v1/cycles/{year}/results/units/{unitId}/explanation',
    handler: 'functions/results/explain-result.ts',
    access: ['admin', 'council'],
    summary:
      "A unit's computation trace: leaves, appraisal rounds, survey ratios, exemptions, areas, rank with its ties, what lifts it to the next band",
    params: unitResultParams,
    success: { status: 200, schema: explanationSchema },
  },
  publicResultYears: {
    method: 'GET',
    path: '/v1/public/results',
    handler: 'functions/results/public-years.ts',
    access: 'public',
    summary: 'The years whose results are published',
    success: { status: 200, schema: publishedYearsSchema },
  },
  publicUnitHistory: {
    method: 'GET',
    path: '/v1/public/units/{unitId}/results',
    handler: 'functions/results/public-unit-history.ts',
    access: 'public',
    summary: "A unit's published results across the years (stable unit ids)",
    params: publicUnitParams,
    success: { status: 200, schema: unitHistorySchema },
  },
  publicOpenData: {
    method: 'GET',
    path: '/v1/public/results/{year}/open-data',
    handler: 'functions/results/public-open-data.ts',
    access: 'public',
    summary: 'The machine-readable bundle of a published year: one record per unit and the data dictionary',
    params: resultsParams,
    success: { status: 200, schema: openDataSchema },
  },
  // ADM: the administrator's screens (issue 14 items 2 and 5)
  getCycleAudit: {
    method: 'GET',
    path: '/v1/cycles/{year}/audit',
    handler: 'functions/cycles/get-cycle-audit.ts',
    access: ['admin'],
    summary: "The cycle's audit events, newest first; with unitId, the changes to that unit's extension and exemptions",
    params: yearOnly,
    query: cycleAuditQuery,
    success: { status: 200, schema: cycleAuditSchema },
  },
  importFramework: {
    method: 'POST',
    path: '/v1/framework-imports',
    handler: 'functions/frameworks/import-framework.ts',
    access: ['admin'],
    summary: 'Read a framework annex (XLSX, base64): the framework it describes and the parse report; nothing is stored',
    body: frameworkImportBody,
    success: { status: 200, schema: frameworkImportSchema },
    size: 'large',
  },
  getFrameworkState: {
    method: 'GET',
    path: '/v1/frameworks/{frameworkId}/state',
    handler: 'functions/frameworks/get-framework-state.ts',
    access: ['admin'],
    summary: "A framework's version, the cycles that use it and when the admin froze it",
    params: z.strictObject({ frameworkId: idString }),
    success: { status: 200, schema: frameworkStateSchema },
  },
  freezeFramework: {
    method: 'POST',
    path: '/v1/frameworks/{frameworkId}/freeze',
    handler: 'functions/frameworks/freeze-framework.ts',
    access: ['admin'],
    summary: 'Freeze a framework (never replaced after; audited): needs the version read',
    params: z.strictObject({ frameworkId: idString }),
    body: freezeFrameworkBody,
    success: { status: 200, schema: frameworkStateSchema },
    idempotent: true,
  },
  getPipelineStatus: {
    method: 'GET',
    path: '/v1/cycles/{year}/pipeline',
    handler: 'functions/cycles/get-pipeline.ts',
    access: ['admin'],
    summary: "The yearly pipeline: the execution's state and history, the steps recorded, the failure with its reason",
    params: yearOnly,
    success: { status: 200, schema: pipelineStatusSchema },
  },
} as const satisfies Record<string, RouteDefinition>;

export type RouteId = keyof typeof routes;

export const routeList: readonly (RouteDefinition & { readonly id: RouteId })[] = (
  Object.entries(routes) as [RouteId, RouteDefinition][]
).map(([id, route]) => ({ id, ...route }));

export { problemSchema };
