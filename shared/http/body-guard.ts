/**
 * Hostile-body checks made on the raw JSON text, before anything walks the parsed value
 * recursively (zod, NFC normalisation, the use cases): size, depth, number of values, text that
 * is not Unicode (invalid UTF-8, lone surrogates, also as `\ud800` escapes), numbers that
 * JSON.parse would silently turn into 0 or Infinity, and keys that name JavaScript's object
 * machinery (`__proto__`, `constructor`, `prototype`). The scan is one iterative pass with an
 * explicit stack, so a body nested a million levels deep costs a loop, not the call stack.
 */
import { HttpProblem, prefixedPath, type FieldError } from './problems.ts';

export const bodyLimits = {
  /** Bytes of the JSON text; the largest legitimate body (a framework) is about 45 KB. */
  maxBytes: 1024 * 1024,
  /** Nesting of arrays and objects; the deepest schema (a framework) nests about 8 levels. */
  maxDepth: 64,
  /** Strings, numbers, literals, arrays and objects counted together. */
  maxValues: 100_000,
} as const;

/** Keys that reach prototypes or constructors when used as property names. */
export const reservedKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const isReservedKey = (key: string) => reservedKeys.has(key) || reservedKeys.has(key.normalize('NFC'));

/** U+FFFD is what a lenient decoder leaves of invalid bytes: the text was damaged before it arrived. */
const REPLACEMENT = '\ufffd';

// Without the `u` flag the pattern sees UTF-16 code units: a high surrogate not followed by a low one, or the reverse.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

const encodingProblem = (path: string, message: string) =>
  new HttpProblem('INVALID_ENCODING', `${path}: ${message}`, { errors: [{ path, message }] });

/** The body as text: base64 bodies are decoded strictly; any damaged text is refused. */
export function bodyText(body: string, isBase64Encoded: boolean): string {
  if (isBase64Encoded) {
    const bytes = Buffer.from(body, 'base64');
    if (bytes.length > bodyLimits.maxBytes) throw tooLarge();
    try {
      return checkedText(fatalUtf8.decode(bytes), 'body');
    } catch (error) {
      if (error instanceof HttpProblem) throw error;
      throw encodingProblem('body', 'is not valid UTF-8');
    }
  }
  if (Buffer.byteLength(body, 'utf8') > bodyLimits.maxBytes) throw tooLarge();
  return checkedText(body, 'body');
}

/** Refuses lone surrogates and replacement characters in a decoded string (body, path or query value). */
export function checkedText(text: string, path: string): string {
  if (LONE_SURROGATE.test(text)) throw encodingProblem(path, 'contains a lone surrogate (not Unicode text)');
  if (text.includes(REPLACEMENT)) throw encodingProblem(path, 'contains U+FFFD: the text is not valid UTF-8');
  return text;
}

const tooLarge = () =>
  new HttpProblem(
    'PAYLOAD_TOO_LARGE',
    `body: larger than allowed (${bodyLimits.maxBytes} bytes, ${bodyLimits.maxValues} values, ${bodyLimits.maxDepth} levels)`,
  );

interface Frame {
  kind: 'object' | 'array';
  /** The current key (objects) or index (arrays). */
  at: string | number;
  expectKey: boolean;
}

const pathOf = (stack: readonly Frame[]) =>
  prefixedPath(
    'body',
    stack.map((f) => f.at),
  );

/** Index just past the closing quote of the string starting at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    i += c === 0x5c ? 2 : 1;
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function numberProblem(token: string): string | undefined {
  const value = Number(token);
  if (!Number.isFinite(value)) return `the number ${token} is too large (it would become Infinity)`;
  const mantissa = token.split(/[eE]/)[0] ?? '';
  if (value === 0 && /[1-9]/.test(mantissa)) return `the number ${token} is too small (it would become 0)`;
  return undefined;
}

/**
 * Scans JSON text that JSON.parse has accepted (so the grammar is known to be valid) and throws
 * the first structural refusal, or a VALIDATION_FAILED naming every reserved key and bad number.
 */
export function scanJson(text: string): void {
  const stack: Frame[] = [];
  const errors: FieldError[] = [];
  let values = 0;
  const value = () => {
    if (++values > bodyLimits.maxValues) throw tooLarge();
  };
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    const top = stack[stack.length - 1];
    if (c === '{' || c === '[') {
      value();
      if (stack.length >= bodyLimits.maxDepth) {
        const path = pathOf(stack);
        throw new HttpProblem('BODY_TOO_DEEP', `${path}: nested deeper than ${bodyLimits.maxDepth} levels`, {
          errors: [{ path, message: `nested deeper than ${bodyLimits.maxDepth} levels` }],
        });
      }
      stack.push(c === '{' ? { kind: 'object', at: '', expectKey: true } : { kind: 'array', at: 0, expectKey: false });
      i++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      i++;
    } else if (c === ',') {
      if (top?.kind === 'array') top.at = (top.at as number) + 1;
      else if (top) top.expectKey = true;
      i++;
    } else if (c === ':') {
      if (top) top.expectKey = false;
      i++;
    } else if (c === '"') {
      const end = stringEnd(text, i);
      const raw = text.slice(i, end);
      // Only escapes can hide a lone surrogate or U+FFFD: the text itself was checked whole.
      const decoded = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      if (top?.kind === 'object' && top.expectKey) {
        top.at = decoded;
        if (raw.includes('\\')) checkedText(decoded, pathOf(stack));
        if (isReservedKey(decoded)) errors.push({ path: pathOf(stack), message: `the key "${decoded}" is not allowed` });
      } else {
        value();
        if (raw.includes('\\')) checkedText(decoded, pathOf(stack));
      }
      i = end;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const token = NUMBER.exec(text)?.[0] ?? c;
      value();
      const problem = numberProblem(token);
      if (problem) errors.push({ path: pathOf(stack), message: problem });
      i += token.length;
    } else if (c === 't' || c === 'n' || c === 'f') {
      value();
      i += c === 'f' ? 5 : 4;
    } else i++; // whitespace
  }
  if (errors.length > 0) {
    throw new HttpProblem('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  }
}

/** Path and query parameters: flat string maps, checked for reserved keys and damaged text. */
export function checkParameters(values: Record<string, string | undefined>, prefix: 'path' | 'query'): void {
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(values)) {
    const path = prefixedPath(prefix, [key]);
    checkedText(key, path);
    if (value !== undefined) checkedText(value, path);
    if (isReservedKey(key)) errors.push({ path, message: `the key "${key}" is not allowed` });
    // Ids become keys of maps downstream (units by id, groups by name): reserved names never name a thing.
    else if (value !== undefined && isReservedKey(value)) errors.push({ path, message: `"${value}" is not allowed as a name` });
  }
  if (errors.length > 0) {
    throw new HttpProblem('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  }
}
