/**
 * The one error vocabulary. Use cases and the domain throw `DomainError`s (or return refusals
 * that become one); each adapter translates them once: HTTP to problem+json with the `code`
 * (shared/http/problems.ts), the pipeline to a named Step Functions error, the ingestion to a row
 * or file report. Nothing here names an HTTP status: a code has a `kind`, and only the HTTP
 * adapter maps kinds to statuses. Codes are stable: the console maps them to Vietnamese messages.
 */

/** What sort of refusal a code is; the HTTP adapter gives each kind its status. */
export type ErrorKind =
  | 'invalid' // the input breaks a rule of its shape or of the domain (400)
  | 'unauthenticated' // no valid credential (401)
  | 'forbidden' // the caller may not do this (403)
  | 'not-found' // the thing does not exist, or the caller may not know it does (404)
  | 'conflict' // the current state refuses it: version, phase, deadline, already done (409)
  | 'too-large' // the input is larger than allowed (413)
  | 'unsupported' // the input's media type is not accepted (415)
  | 'unprocessable' // well-formed but not acceptable as a whole: incomplete, mismatched (422)
  | 'throttled' // too many requests (429)
  | 'internal'; // a failure of ours (500)

/** Every code with its kind and what it means (README and OpenAPI list them from here). */
export const errorCodes = {
  VALIDATION_FAILED: { kind: 'invalid', means: 'a field breaks a rule; `errors` names each field and rule' },
  MALFORMED_JSON: { kind: 'invalid', means: 'the body is not JSON' },
  IDEMPOTENCY_KEY_INVALID: { kind: 'invalid', means: 'the Idempotency-Key header is not 1 to 128 visible ASCII characters' },
  UNAUTHENTICATED: { kind: 'unauthenticated', means: 'no valid bearer token (missing, expired, wrong issuer or audience)' },
  ROLE_REQUIRED: { kind: 'forbidden', means: "the route needs a role the caller's token does not carry" },
  OUTSIDE_SCOPE: { kind: 'forbidden', means: "the unit or leaf is outside the caller's scope (district, areas, appraisal assignment)" },
  CONFLICT_OF_INTEREST: { kind: 'forbidden', means: 'nobody appraises their own unit' },
  OWN_UNIT_ONLY: { kind: 'forbidden', means: "only the unit's own users write its self-assessment and explanations" },
  LEAD_APPRAISER_ONLY: { kind: 'forbidden', means: 'only the lead appraiser (areas "*") finalises an appraisal' },
  NOT_FOUND: { kind: 'not-found', means: 'the resource does not exist (or is not the caller’s to see)' },
  ROUTE_NOT_FOUND: { kind: 'not-found', means: 'no route has this path' },
  CYCLE_NOT_FOUND: { kind: 'not-found', means: 'the cycle (year) does not exist' },
  UNIT_NOT_FOUND: { kind: 'not-found', means: 'the unit does not exist' },
  FRAMEWORK_NOT_FOUND: { kind: 'not-found', means: 'the framework does not exist, or the cycle names none for this unit type' },
  ASSESSMENT_NOT_FOUND: { kind: 'not-found', means: "the unit's assessment does not exist or is not the caller's to see" },
  LEAF_NOT_FOUND: { kind: 'not-found', means: 'the code is not an applicable leaf of the unit’s framework' },
  EVIDENCE_NOT_FOUND: { kind: 'not-found', means: 'no such evidence document in this assessment' },
  SURVEY_NOT_FOUND: { kind: 'not-found', means: 'the survey does not exist in this cycle' },
  IMPORT_NOT_FOUND: { kind: 'not-found', means: 'no such survey import' },
  INVITATION_UNKNOWN: { kind: 'not-found', means: 'the invitation code is not valid for this survey' },
  RESULTS_NOT_PUBLISHED: { kind: 'not-found', means: 'no results have been published for this year' },
  METHOD_NOT_ALLOWED: { kind: 'not-found', means: 'the path exists but not with this method (405, with an Allow header)' },
  VERSION_CONFLICT: { kind: 'conflict', means: 'someone changed it since it was read; `current` holds the stored version' },
  STATE_CONFLICT: { kind: 'conflict', means: 'the assessment’s state does not allow this action; `state` and `allowed` say why' },
  DEADLINE_PASSED: { kind: 'conflict', means: 'the deadline for this write has passed (an admin may extend it)' },
  CYCLE_CLOSED: { kind: 'conflict', means: 'the cycle is approved or published: this can no longer change' },
  CYCLE_PUBLISHED: { kind: 'conflict', means: 'the cycle is published: nothing that fed the index changes' },
  CYCLE_EXISTS: { kind: 'conflict', means: 'a cycle for this year already exists' },
  PHASE_TRANSITION_REFUSED: { kind: 'conflict', means: 'the cycle cannot move to this phase now; `allowed` lists where it can' },
  FRAMEWORK_IN_USE: { kind: 'conflict', means: 'a cycle uses this framework version: it is frozen' },
  NOT_SELF_SCORED: { kind: 'conflict', means: 'the leaf has no self score to appraise' },
  EVIDENCE_NOT_UPLOADED: { kind: 'conflict', means: 'nothing has been uploaded for this evidence yet' },
  SURVEY_DEFINITION_STALE: { kind: 'conflict', means: 'the survey definition no longer fits the framework or is invalid; PUT it again' },
  SURVEY_ANSWERED: { kind: 'conflict', means: 'responses exist: questions, options and groups can be added, not removed' },
  SURVEY_CLOSED: { kind: 'conflict', means: 'the survey’s deadline has passed' },
  INVITATION_USED: { kind: 'conflict', means: 'the invitation code has already been used' },
  INVITATION_MISMATCH: { kind: 'conflict', means: 'the code’s unit or group is no longer part of the survey' },
  NO_DRAFT: { kind: 'conflict', means: 'no results have been computed for this year' },
  ALREADY_PUBLISHED: { kind: 'conflict', means: 'the results are already approved and published' },
  DRAFT_SUPERSEDED: { kind: 'conflict', means: 'the results were recomputed after the draft the council read' },
  IDEMPOTENCY_IN_PROGRESS: { kind: 'conflict', means: 'a request with this Idempotency-Key is still being processed' },
  PAYLOAD_TOO_LARGE: { kind: 'too-large', means: 'the body is larger than allowed' },
  UNSUPPORTED_MEDIA_TYPE: { kind: 'unsupported', means: 'the body is not application/json' },
  ASSESSMENT_INCOMPLETE: { kind: 'unprocessable', means: 'leaves still need a score, evidence or an explanation; `errors` lists them' },
  APPRAISAL_INCOMPLETE: { kind: 'unprocessable', means: 'leaves still lack an appraised score; `errors` lists them' },
  APPRAISALS_OPEN: { kind: 'unprocessable', means: 'units have no finalised appraisal; `errors` lists them' },
  EVIDENCE_MISMATCH: { kind: 'unprocessable', means: 'the uploaded file does not match the declared size, checksum or type' },
  PARENT_RULE: { kind: 'unprocessable', means: 'the unit’s parent breaks the registry’s hierarchy rule' },
  IDEMPOTENCY_PAYLOAD_MISMATCH: { kind: 'unprocessable', means: 'the Idempotency-Key was used with a different request' },
  TOO_MANY_REQUESTS: { kind: 'throttled', means: 'too many requests; retry later' },
  INTERNAL: { kind: 'internal', means: 'the request could not be completed; it has been logged' },
  // surveys
  IMPORT_FILE_REFUSED: {
    kind: 'unprocessable',
    means: 'the uploaded survey file cannot be imported as a whole (encoding, header, format); the import’s `error` says why',
  },
  // results, pipeline, cycles, registry, frameworks (i9-results)
  APPROVAL_IN_PROGRESS: { kind: 'conflict', means: 'another approval of this draft is being published; read the results again shortly' },
  SURVEY_IMPORTS_PENDING: { kind: 'conflict', means: 'pipeline: survey imports of the cycle are still running or awaited' },
  APPROVAL_OVERDUE: { kind: 'conflict', means: 'pipeline: the results are still not approved long after the publication deadline' },
  PUBLICATION_INCOMPLETE: { kind: 'conflict', means: 'pipeline: the cycle is not published or a report file cannot be read yet' },
  PUBLICATION_CORRUPT: { kind: 'internal', means: 'pipeline: a report file does not have the checksum its publication recorded' },
  // http
  BODY_TOO_DEEP: { kind: 'invalid', means: 'the body nests arrays and objects deeper than 64 levels' },
  INVALID_ENCODING: { kind: 'invalid', means: 'the text is not valid UTF-8 (or holds a lone surrogate or U+FFFD); `errors` names where' },
  IDEMPOTENCY_NOT_SUPPORTED: {
    kind: 'invalid',
    means: 'this route does not honour Idempotency-Key (README: Integrity guarantees); send it without',
  },
  // registry (REG)
  DUPLICATE_ADMIN_CODE: { kind: 'conflict', means: 'another unit already holds this official adminCode; `unitId` names it' },
  REGISTRY_CHANGE_INVALID: {
    kind: 'unprocessable',
    means: 'the registry import or change breaks a rule; `problems` lists each with its line, field and code; nothing was written',
  },
  REGISTRY_FROZEN: { kind: 'conflict', means: 'the cycle’s registry can be re-derived only while the cycle is open' },
  SURVEYS_UNDEFINED: { kind: 'conflict', means: 'surveys the cycle names are not defined yet; `surveys` lists them' },
  // councils per level (CNL)
  COUNCIL_OUTSIDE_SCOPE: {
    kind: 'forbidden',
    means: "the units belong to another council of the cycle (another district's council, or a district council's communes)",
  },
  COUNCIL_NOT_IN_CYCLE: {
    kind: 'forbidden',
    means: 'the cycle has no such council: no district level for these communes, so the provincial council approves them',
  },
  // province (PRV)
  AREA_NOT_ASSIGNED: {
    kind: 'forbidden',
    means: "the province assessment's leaf lies in an area the cycle assigns to another department",
  },
  COORDINATOR_ONLY: {
    kind: 'forbidden',
    means: "only the coordinator of the province assessment (Sở Nội vụ) does this (submit, survey leaves, the Ministry's score)",
  },
  // ADM: the administrator's screens
  FRAMEWORK_FROZEN: { kind: 'conflict', means: 'the admin froze this framework: it can no longer be replaced; issue a new id' },
} as const satisfies Record<string, { kind: ErrorKind; means: string }>;

export type ErrorCode = keyof typeof errorCodes;

export interface FieldError {
  path: string;
  message: string;
}

export interface ErrorDetails {
  /** Field errors. Paths are relative to the use case's input unless `errorsAt` says otherwise. */
  errors?: FieldError[];
  /** `input`: paths point into the input (the HTTP adapter prefixes `body`); `resource`: into the stored thing. */
  errorsAt?: 'input' | 'resource';
  /** Anything else a client can act on: `current`, `state`, `allowed`, `deadline`, ... */
  [key: string]: unknown;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }

  get kind(): ErrorKind {
    return errorCodes[this.code].kind;
  }
}

export function isDomainError(error: unknown, code?: ErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}

/** A rule's answer: nothing when allowed, else why not. Domain rules return these as values. */
export type Refusal = { code: ErrorCode; message: string; details?: ErrorDetails };

export function refusal(code: ErrorCode, message: string, details?: ErrorDetails): Refusal {
  return details ? { code, message, details } : { code, message };
}

/** Throws the refusal, if any: the one step from a rule's value to a use case's exception. */
export function enforce(refused: Refusal | undefined): void {
  if (refused) throw new DomainError(refused.code, refused.message, refused.details);
}

/** Short forms for the common refusals. */
export const fail = {
  invalid: (errors: FieldError[], errorsAt: 'input' | 'resource' = 'input') =>
    new DomainError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors, errorsAt }),
  notFound: (message: string, code: ErrorCode = 'NOT_FOUND') => new DomainError(code, message),
  forbidden: (message: string, code: ErrorCode = 'OUTSIDE_SCOPE') => new DomainError(code, message),
  conflict: (code: ErrorCode, message: string, details?: ErrorDetails) => new DomainError(code, message, details),
  unprocessable: (code: ErrorCode, message: string, errors?: FieldError[], errorsAt: 'input' | 'resource' = 'resource') =>
    new DomainError(code, message, errors ? { errors, errorsAt } : {}),
  versionConflict: (what: string, current: unknown) =>
    new DomainError('VERSION_CONFLICT', `${what} was changed by someone else; reload and retry`, { current }),
};
