/**
 * Exact arithmetic for every score, sum, ratio and mean (DESIGN §3.4: "never binary floating
 * point").
 *
 * Why fraction.js (BigInt) rather than decimal.js: the computation divides (survey means over
 * response counts, group-weighted averages, 100 × total / max). A decimal library must round
 * each quotient at some precision, so "exact until the final rounding" would only hold up to that
 * precision; a rational keeps 1/3 as 1/3 and the half-up rounding of §3.4 then sees the true
 * value, so a result that lands exactly on x.xx5 rounds up as the rule says. Numerators and
 * denominators stay small (scores are quarter points, weights have few decimals), so BigInt
 * rationals are fast enough; the survey aggregation counts answers per option in plain integers
 * and turns them into fractions once per (unit, question, group), not once per response.
 *
 * JSON numbers enter through `fromNumber`, which reads the number's shortest decimal string
 * (what `JSON.stringify` prints, e.g. "0.6"), never the binary value: 0.6 becomes 3/5, not
 * 5404319552844595/9007199254740992.
 */
import Fraction from 'fraction.js';

export type Exact = Fraction;

export const ZERO: Exact = new Fraction(0n, 1n);
export const ONE: Exact = new Fraction(1n, 1n);
export const TWO: Exact = new Fraction(2n, 1n);
export const HUNDRED: Exact = new Fraction(100n, 1n);
export const QUARTER: Exact = new Fraction(1n, 4n);

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** A decimal string such as "12.5", "-0.25" or "1e-7" as an exact rational. */
export function fromDecimalString(text: string): Exact {
  const m = DECIMAL.exec(text.trim());
  if (!m) throw new RangeError(`not a decimal number: ${JSON.stringify(text)}`);
  const [, sign = '', int = '0', frac = '', exp = '0'] = m;
  const scale = BigInt(frac.length) - BigInt(exp);
  let n = BigInt(int + frac);
  let d = 1n;
  if (scale > 0n) d = 10n ** scale;
  else n *= 10n ** -scale;
  return new Fraction(sign === '-' ? -n : n, d);
}

// Scores repeat (quarter points, the same maxima for thousands of units): parsing each distinct
// number once matters at national scale. Fractions are immutable, so sharing them is safe.
const cache = new Map<number, Exact>();

/** A finite JSON number, read from its shortest round-trip decimal string. */
export function fromNumber(value: number): Exact {
  const hit = cache.get(value);
  if (hit) return hit;
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const exact = fromDecimalString(String(value));
  if (cache.size < 10_000) cache.set(value, exact);
  return exact;
}

export function fromInteger(value: number | bigint): Exact {
  return new Fraction(BigInt(value), 1n);
}

export function sum(values: Iterable<Exact>): Exact {
  let total = ZERO;
  for (const v of values) total = total.add(v);
  return total;
}

export function min(a: Exact, b: Exact): Exact {
  return a.compare(b) <= 0 ? a : b;
}

export function max(a: Exact, b: Exact): Exact {
  return a.compare(b) >= 0 ? a : b;
}

/** True when `value` is a whole multiple of `step` (step > 0). */
export function isMultipleOf(value: Exact, step: Exact): boolean {
  const q = value.div(step);
  return q.d === 1n;
}

/**
 * Round half-up to `places` decimals: ties go away from zero (2.345 → 2.35, −2.345 → −2.35).
 * Every published figure of §3.4 is non-negative, where this is plain "round half up".
 */
export function roundHalfUp(value: Exact, places = 2): Exact {
  const scale = 10n ** BigInt(places);
  const n = value.n * scale; // value.n ≥ 0; the sign lives in value.s
  const q = (2n * n + value.d) / (2n * value.d); // floor(n/d + 1/2)
  return new Fraction(value.s * q, scale);
}

/** Number of decimals of a rational that is a finite decimal, or undefined (e.g. 1/3). */
export function decimalPlaces(value: Exact): number | undefined {
  let d = value.d;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  return d === 1n ? Math.max(twos, fives) : undefined;
}

/** The exact decimal string of a finite decimal (throws for 1/3: round it first). */
export function toDecimalString(value: Exact): string {
  const places = decimalPlaces(value);
  if (places === undefined) throw new RangeError(`${value.toFraction()} is not a finite decimal`);
  const scaled = (value.n * 10n ** BigInt(places)) / value.d;
  const digits = scaled.toString().padStart(places + 1, '0');
  const int = digits.slice(0, digits.length - places);
  const frac = places > 0 ? `.${digits.slice(digits.length - places).replace(/0+$/, '')}` : '';
  const sign = value.s < 0n && value.n !== 0n ? '-' : '';
  return `${sign}${int}${frac === '.' ? '' : frac}`;
}

/**
 * A finite decimal as the JSON number that prints as that decimal. Only for output: the value
 * should already be rounded (2 decimals), so the string round-trips exactly.
 */
export function toNumber(value: Exact): number {
  return Number(toDecimalString(value));
}

/** 100 × part / whole, rounded half-up to 2 decimals: the index rule of §3.4 step 3. */
export function percent(part: Exact, whole: Exact): Exact {
  return roundHalfUp(part.mul(HUNDRED).div(whole), 2);
}
