/** RFC 9457 problem details: one error type, mapped to a response in one place. */
import type { z } from 'zod';

export interface FieldError {
  path: string;
  message: string;
}

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
  unprocessable: (detail: string, errors?: FieldError[]) =>
    new HttpProblem(422, 'Unprocessable content', detail, errors ? { errors } : {}),
  tooLarge: (detail: string) => new HttpProblem(413, 'Content too large', detail),
  unsupportedMediaType: (detail: string) => new HttpProblem(415, 'Unsupported media type', detail),
};

/** `areas[2].items[0].maxPoints`, `scores["1.1.2"]`: the paths users read in messages. */
export function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

export function zodErrors(prefix: string, error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: formatPath(prefix, issue.path), message: issue.message }));
}
