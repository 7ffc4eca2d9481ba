/**
 * Vietnamese number and date text (decimal comma, dot thousands, dd/mm/yyyy in Asia/Ho_Chi_Minh):
 * the output of `Intl.NumberFormat('vi-VN')` and `Intl.DateTimeFormat('vi-VN')` for the values the
 * pages and reports print, written out because creating a formatter loads ICU's locale data, ~15 ms
 * per kind of a function's cold start. test/unit/vietnamese-format.test.ts compares the two on
 * random values; what the table below does not cover (huge numbers, NaN, dates before 1975, when
 * the zone was not yet UTC+7) goes to Intl itself, created on first need.
 */

export interface DecimalOptions {
  minimumFractionDigits?: number;
  maximumFractionDigits?: number;
  useGrouping?: boolean;
}

const formatters = new Map<string, Intl.NumberFormat>();
function viaIntl(n: number, o: Required<DecimalOptions>): string {
  const key = `${o.minimumFractionDigits}/${o.maximumFractionDigits}/${o.useGrouping}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat('vi-VN', o)));
  return f.format(n);
}

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+$)/g, '.');

/** The integer and fraction digits of a non-negative finite double's shortest decimal form. */
function decimalDigits(abs: number): [string, string] {
  const [mantissa = '0', exponent = '0'] = String(abs).split('e');
  const [int = '0', frac = ''] = mantissa.split('.');
  const digits = int + frac;
  const point = int.length + Number(exponent);
  if (point <= 0) return ['0', '0'.repeat(-point) + digits];
  if (point >= digits.length) return [digits + '0'.repeat(point - digits.length), ''];
  return [digits.slice(0, point), digits.slice(point)];
}

/** Decimal digits rounded half up at `places` fraction digits (a carry may lengthen the integer). */
function roundDigits([int, frac]: [string, string], places: number): [string, string] {
  if (frac.length <= places) return [int, frac];
  const kept = int + frac.slice(0, places);
  if (frac.charCodeAt(places) < 53 /* '5' */) return [int, frac.slice(0, places)];
  const bumped = (BigInt(kept) + 1n).toString().padStart(kept.length, '0');
  const cut = bumped.length - places;
  return [bumped.slice(0, cut), bumped.slice(cut)];
}

/**
 * `n` rounded half away from zero to `maximumFractionDigits`, trailing zeros dropped down to
 * `minimumFractionDigits`. Like ICU, it rounds the double's shortest decimal form (1.005 is
 * "1.005", so 1,01), not its exact binary value (1.00499..., which `toFixed` rounds to 1.00).
 */
export function viNumber(n: number, options: DecimalOptions = {}): string {
  const o = { minimumFractionDigits: 0, maximumFractionDigits: 3, useGrouping: true, ...options };
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) return viaIntl(n, o);
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  const [whole, fraction] = roundDigits(decimalDigits(Math.abs(n)), o.maximumFractionDigits);
  let kept = fraction.padEnd(o.minimumFractionDigits, '0');
  while (kept.length > o.minimumFractionDigits && kept.endsWith('0')) kept = kept.slice(0, -1);
  const int = whole.replace(/^0+(?=\d)/, '');
  return `${sign}${o.useGrouping ? group(int) : int}${kept ? `,${kept}` : ''}`;
}

/** Two decimals, as every index and score is printed: 1.234,50. */
export const viDecimal2 = (n: number, useGrouping = true) =>
  viNumber(n, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping });

const HOURS_7 = 7 * 3600_000;
/** Asia/Ho_Chi_Minh has been UTC+7 without daylight saving since 13 June 1975 (00:00 local). */
const fixedOffsetSince = Date.UTC(1975, 5, 13) - HOURS_7;
let dateFormat: Intl.DateTimeFormat | undefined;
const two = (n: number) => String(n).padStart(2, '0');

let dateTimeFormat: Intl.DateTimeFormat | undefined;
const dayParts = { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' } as const;

/** `at` in Việt Nam time, or undefined outside the fixed-offset era (and for an invalid date). */
function localTime(at: string | number | Date): Date | undefined {
  const ms = new Date(at).getTime();
  return ms >= fixedOffsetSince && ms < Date.UTC(10000, 0, 1) - HOURS_7 ? new Date(ms + HOURS_7) : undefined;
}
const dayOf = (local: Date) => `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;

/** The day of `at` in Asia/Ho_Chi_Minh: "02/12/2026". Intl throws RangeError on an invalid date. */
export function viDate(at: string | number | Date): string {
  const local = localTime(at);
  if (local) return dayOf(local);
  return (dateFormat ??= new Intl.DateTimeFormat('vi-VN', dayParts)).format(new Date(at));
}

/** The minute of `at` in Asia/Ho_Chi_Minh: "23:59 15/12/2033". */
export function viDateTime(at: string | number | Date): string {
  const local = localTime(at);
  if (local) return `${two(local.getUTCHours())}:${two(local.getUTCMinutes())} ${dayOf(local)}`;
  dateTimeFormat ??= new Intl.DateTimeFormat('vi-VN', { ...dayParts, hour: '2-digit', minute: '2-digit' });
  return dateTimeFormat.format(new Date(at));
}
