/**
 * The yearly pipeline's rules (pure): the deadlines its Wait states wait for, the errors its
 * tasks raise (the error's `name` is what the state machine's Retry and Catch match), and when
 * waiting for the council's approval stops being reasonable.
 */
import type { Cycle } from '../schemas/domain/cycles.ts';
import type { ErrorCode } from './errors.ts';

/** An error the state machine matches by name; `retryable: false` names go to the catch at once. */
export class PipelineError extends Error {
  constructor(name: PipelineErrorName, message: string) {
    super(message);
    this.name = name;
  }
}

/** Retried with backoff by the state machine (a condition that may clear by itself). */
export const retryableErrors = ['SurveyImportsPending', 'PublicationIncomplete'] as const;
/** Never retried: retrying cannot help, the failure report follows at once. */
export const permanentErrors = ['CycleNotFound', 'ApprovalOverdue', 'PublicationCorrupt'] as const;
export type PipelineErrorName = (typeof retryableErrors)[number] | (typeof permanentErrors)[number];

/** The Step Functions error each domain code becomes: the pipeline recognises errors by code, never by HTTP status. */
export const pipelineErrorOfCode: Partial<Record<ErrorCode, PipelineErrorName>> = {
  CYCLE_NOT_FOUND: 'CycleNotFound',
  SURVEY_IMPORTS_PENDING: 'SurveyImportsPending',
  APPROVAL_OVERDUE: 'ApprovalOverdue',
  PUBLICATION_INCOMPLETE: 'PublicationIncomplete',
  PUBLICATION_CORRUPT: 'PublicationCorrupt',
};

/** Days after the publication deadline the pipeline keeps waiting for the council. */
export const approvalGraceDays = 90;

/** RFC 3339 in UTC without fractional seconds: the form every Step Functions Timestamp accepts. */
export function stepFunctionsTimestamp(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not a date-time: ${iso}`);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface PipelineDeadlines {
  selfAssessment: string;
  finalAppraisal: string;
  publication: string;
}

export function pipelineDeadlines(cycle: Cycle): PipelineDeadlines {
  return {
    selfAssessment: stepFunctionsTimestamp(cycle.deadlines.selfAssessment),
    finalAppraisal: stepFunctionsTimestamp(cycle.deadlines.finalAppraisal),
    publication: stepFunctionsTimestamp(cycle.deadlines.publication),
  };
}

export function approvalOverdue(cycle: Cycle, now: Date): boolean {
  return now.getTime() > Date.parse(cycle.deadlines.publication) + approvalGraceDays * 86_400_000;
}

/**
 * Whether an import keeps the survey aggregation waiting: a running one does, and so does a
 * pending one while its upload form is still valid. A pending import whose form expired was
 * never uploaded and never will be (a new upload needs a new import), so it does not block.
 */
export function importStillExpected(record: { status: string; createdAt: string }, uploadWindowSeconds: number, now = Date.now()): boolean {
  if (record.status === 'running') return true;
  if (record.status !== 'pending') return false;
  return Date.parse(record.createdAt) + uploadWindowSeconds * 1000 > now;
}
