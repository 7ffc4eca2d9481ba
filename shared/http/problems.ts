/**
 * RFC 9457 problem details: the HTTP translation of the domain's one error vocabulary
 * (shared/domain/errors.ts). Statuses live here and nowhere else; every body carries the `code`.
 */
import type { z } from 'zod/mini';
import { DomainError, type ErrorCode, type ErrorDetails, type ErrorKind, type FieldError } from '../domain/errors.ts';
import { formatPath } from '../schemas/issues.ts';

export type { FieldError };

export const statusOfKind: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  unsupported: 415,
  unprocessable: 422,
  throttled: 429,
  internal: 500,
};

const titleOfKind: Record<ErrorKind, string> = {
  invalid: 'Validation failed',
  unauthenticated: 'Unauthorized',
  forbidden: 'Forbidden',
  'not-found': 'Not found',
  conflict: 'Conflict',
  'too-large': 'Content too large',
  unsupported: 'Unsupported media type',
  unprocessable: 'Unprocessable content',
  throttled: 'Too many requests',
  internal: 'Internal error',
};

/** A refusal made by the HTTP layer itself (token, headers, body parsing); same vocabulary, paths already request-relative. */
export class HttpProblem extends DomainError {
  constructor(code: ErrorCode, detail: string, details: ErrorDetails = {}) {
    super(code, detail, { ...details, errorsAt: 'resource' });
  }
}

export const problems = {
  validation: (errors: FieldError[]) =>
    new HttpProblem('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors }),
  malformedJson: (message: string) =>
    new HttpProblem('MALFORMED_JSON', `body: malformed JSON: ${message}`, {
      errors: [{ path: 'body', message: `malformed JSON: ${message}` }],
    }),
  unauthorized: (detail = 'a valid bearer token is required') => new HttpProblem('UNAUTHENTICATED', detail),
  forbidden: (detail: string, code: ErrorCode = 'ROLE_REQUIRED') => new HttpProblem(code, detail),
  tooLarge: (detail: string) => new HttpProblem('PAYLOAD_TOO_LARGE', detail),
  unsupportedMediaType: (detail: string) => new HttpProblem('UNSUPPORTED_MEDIA_TYPE', detail),
};

/** Prefixes a path formatted by the schemas' `formatPath` (`body.areas[2].maxPoints`). */
export function prefixedPath(prefix: string, path: readonly PropertyKey[]): string {
  if (path.length === 0) return prefix;
  const formatted = formatPath(path);
  return formatted.startsWith('[') ? `${prefix}${formatted}` : `${prefix}.${formatted}`;
}

/** An input-relative path (`selfScore`, `answers["Q1"]`, `[2]`) as a request path under `prefix`. */
export function underPrefix(prefix: string, path: string): string {
  if (path === '' || path === '(root)') return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

export function zodErrors(prefix: string, error: z.core.$ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: prefixedPath(prefix, issue.path), message: issue.message }));
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [key: string]: unknown;
}

/** The problem+json body of a domain error; input-relative field paths are put under `inputPrefix`. */
export function problemBody(error: DomainError, inputPrefix = 'body'): ProblemBody {
  const { errors, errorsAt, ...extra } = error.details;
  const paths = errors && errorsAt !== 'resource' ? errors.map((e) => ({ ...e, path: underPrefix(inputPrefix, e.path) })) : errors;
  const message = paths && error.code === 'VALIDATION_FAILED' ? paths.map((e) => `${e.path}: ${e.message}`).join('; ') : error.message;
  return {
    type: `https://par-index.example/problems/${error.code.toLowerCase().replace(/_/g, '-')}`,
    title: titleOfKind[error.kind],
    status: statusOfKind[error.kind],
    code: error.code,
    ...(message ? { detail: message } : {}),
    ...extra,
    ...(paths ? { errors: paths } : {}),
  };
}

export const internalError = () => new DomainError('INTERNAL', 'the request could not be completed; it has been logged');
