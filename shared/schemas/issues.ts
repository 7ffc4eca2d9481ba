/**
 * Turning zod issues into `{ path, message }` pairs whose path reads like the JSON it points at:
 * `areas[2].items[0].maxPoints`, `units[3].scores["1.1.2"]`. Messages name the rule broken.
 */
import type * as z from 'zod/mini';

export interface FieldError {
  path: string;
  message: string;
}

type Key = PropertyKey;

/** Object fields whose keys are data (codes, ids), printed as `scores["1.1.2"]`, never `.P1`. */
const RECORD_FIELDS = new Set(['scores', 'adjustments', 'answers', 'options', 'groupWeights', 'figures']);
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function formatPath(path: readonly Key[]): string {
  let out = '';
  path.forEach((key, i) => {
    const previous = i > 0 ? path[i - 1] : undefined;
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'symbol') out += `[${String(key)}]`;
    else if (IDENTIFIER.test(key) && !(typeof previous === 'string' && RECORD_FIELDS.has(previous))) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  });
  return out === '' ? '(root)' : out;
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'undefined') return 'nothing';
  return `${typeof value} ${String(value)}`;
}

function valueAt(root: unknown, path: readonly Key[]): unknown {
  let v = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<Key, unknown>)[k];
  }
  return v;
}

/** Messages that say what was expected and what came, instead of zod's generic wording. */
function message(issue: z.core.$ZodIssue, received: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (received === undefined) return `is required (${issue.expected})`;
      if (issue.expected === 'number' && typeof received === 'number') return `must be a finite number, got ${received}`;
      return `must be ${article(issue.expected)}, got ${describeValue(received)}`;
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  if (expected === 'object' || expected === 'array' || expected === 'integer') return `an ${expected}`;
  return `a ${expected}`;
}

/**
 * Flatten zod issues. For a union that failed every branch, `pickBranch` chooses which branch's
 * issues to report (e.g. a framework node with `items` is a group, otherwise a leaf); without it
 * the first branch is used.
 */
export function fieldErrors(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  pickBranch?: (value: unknown, branches: number) => number,
  base: readonly Key[] = [],
): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const path = [...base, ...(issue.path as Key[])];
    const received = valueAt(input, path);
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const i = pickBranch ? pickBranch(received, issue.errors.length) : 0;
      out.push(...fieldErrors(issue.errors[i] ?? issue.errors[0] ?? [], input, pickBranch, path));
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) out.push({ path: formatPath([...path, k]), message: 'unknown field' });
      continue;
    }
    out.push({ path: formatPath(path), message: message(issue, received) });
  }
  return out;
}

export function formatErrors(errors: readonly FieldError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}
