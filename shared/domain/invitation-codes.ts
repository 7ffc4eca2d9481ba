/**
 * One-time survey codes, printed as QR links at one-stop shops and typed by hand when the QR
 * fails. Crockford base32 (no I, L, O, U; read case-insensitively, with I/L → 1 and O → 0), 12
 * characters = 60 random bits: at the public route's throttle a guess succeeds with negligible
 * probability. Only a SHA-256 of the normalised code is stored, so a table dump reveals no code.
 */
import { createHash, randomBytes } from 'node:crypto';

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const codeLength = 12;

export function newCode(): string {
  const bytes = randomBytes(codeLength);
  let out = '';
  // 256 is a multiple of 32: `byte % 32` is uniform.
  for (const b of bytes) out += alphabet[b % 32];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8)}`;
}

/** The canonical form, or undefined when the text cannot be a code. */
export function normaliseCode(text: string): string | undefined {
  const canonical = text.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (canonical.length !== codeLength) return undefined;
  for (const c of canonical) if (!alphabet.includes(c)) return undefined;
  return canonical;
}

export function hashCode(canonical: string): string {
  return createHash('sha256').update(`par-survey-code:${canonical}`).digest('hex');
}
