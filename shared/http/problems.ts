/** RFC 9457 problem details: one error type, mapped to a response in one place. */
import type { z } from 'zod';
import { formatPath, type FieldError } from '../schemas/issues.ts';

export type { FieldError };

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra: { errors?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(detail ?? title);
  }

  get type(): string {
    return `https://par-index.example/problems/${this.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  }

  toJSON() {
    return { type: this.type, title: this.title, status: this.status, ...(this.detail ? { detail: this.detail } : {}), ...this.extra };
  }
}

export const problems = {
  validation: (errors: FieldError[]) =>
    new HttpProblem(400, 'Validation failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors }),
  unauthorized: (detail = 'a valid bearer token is required') => new HttpProblem(401, 'Unauthorized', detail),
  forbidden: (detail: string) => new HttpProblem(403, 'Forbidden', detail),
  notFound: (detail: string) => new HttpProblem(404, 'Not found', detail),
  conflict: (detail: string, extra: Record<string, unknown> = {}) => new HttpProblem(409, 'Conflict', detail, extra),
  unprocessable: (detail: string, errors?: FieldError[]) => new HttpProblem(422, 'Unprocessable content', detail, errors ? { errors } : {}),
  tooLarge: (detail: string) => new HttpProblem(413, 'Content too large', detail),
  unsupportedMediaType: (detail: string) => new HttpProblem(415, 'Unsupported media type', detail),
};

/** Prefixes a path formatted by the schemas' `formatPath` (`body.areas[2].maxPoints`). */
export function prefixedPath(prefix: string, path: readonly PropertyKey[]): string {
  if (path.length === 0) return prefix;
  const formatted = formatPath(path);
  return formatted.startsWith('[') ? `${prefix}${formatted}` : `${prefix}.${formatted}`;
}

export function zodErrors(prefix: string, error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: prefixedPath(prefix, issue.path), message: issue.message }));
}
