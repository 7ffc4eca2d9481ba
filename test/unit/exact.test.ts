import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decimalPlaces,
  fromDecimalString,
  fromNumber,
  isMultipleOf,
  percent,
  QUARTER,
  roundHalfUp,
  toDecimalString,
  toNumber,
} from '../../shared/domain/exact.ts';

const f = fromDecimalString;

describe('exact arithmetic', () => {
  it('reads JSON numbers from their decimal strings, not their binary values', () => {
    expect(fromNumber(0.6).n).toBe(3n);
    expect(fromNumber(0.6).d).toBe(5n);
    expect(fromNumber(0.1).add(fromNumber(0.2)).equals(fromNumber(0.3))).toBe(true);
    expect(fromNumber(1e-7).equals(f('0.0000001'))).toBe(true);
    expect(fromNumber(1.5e21).equals(f('1500000000000000000000'))).toBe(true);
    expect(fromNumber(-0).equals(f('0'))).toBe(true);
    expect(() => fromNumber(Infinity)).toThrow(RangeError);
    expect(() => fromNumber(NaN)).toThrow(RangeError);
    expect(() => f('1,5')).toThrow(RangeError);
  });

  it('rounds half-up where binary floating point would round down', () => {
    // 1.005 is 1.00499999999999989... as a double: Math.round(1.005 * 100) / 100 gives 1.
    expect(toDecimalString(roundHalfUp(f('1.005')))).toBe('1.01');
    expect(toDecimalString(roundHalfUp(f('2.345')))).toBe('2.35');
    expect(toDecimalString(roundHalfUp(f('2.3449999999999999999999')))).toBe('2.34');
    expect(toDecimalString(roundHalfUp(f('0.125')))).toBe('0.13');
    expect(toDecimalString(roundHalfUp(f('-2.345')))).toBe('-2.35');
    expect(toDecimalString(roundHalfUp(f('2').div(3)))).toBe('0.67');
    expect(toDecimalString(roundHalfUp(f('1').div(3)))).toBe('0.33');
    expect(toDecimalString(roundHalfUp(f('99.995')))).toBe('100');
  });

  it('computes an index as 100 × part / whole, half-up to 2 decimals', () => {
    expect(toNumber(percent(f('2'), f('3')))).toBe(66.67);
    expect(toNumber(percent(f('86.75'), f('100')))).toBe(86.75);
    expect(toNumber(percent(f('0.02001'), f('2')))).toBe(1);
    // 100 × 1/8 = 12.5 exactly; 100 × 1/1600 = 0.0625 → 0.06
    expect(toNumber(percent(f('1'), f('8')))).toBe(12.5);
    expect(toNumber(percent(f('1'), f('1600')))).toBe(0.06);
  });

  it('tests quarter-point multiples exactly', () => {
    expect(isMultipleOf(f('1.25'), QUARTER)).toBe(true);
    expect(isMultipleOf(f('1.3'), QUARTER)).toBe(false);
    expect(isMultipleOf(f('0'), QUARTER)).toBe(true);
    expect(isMultipleOf(f('1.5'), f('0.5'))).toBe(true);
    expect(isMultipleOf(f('1.25'), f('0.5'))).toBe(false);
  });

  it('counts decimals and prints exact decimals', () => {
    expect(decimalPlaces(f('12.50'))).toBe(1);
    expect(decimalPlaces(f('0.125'))).toBe(3);
    expect(decimalPlaces(f('1').div(3))).toBeUndefined();
    expect(toDecimalString(f('0.05'))).toBe('0.05');
    expect(toDecimalString(f('-0.5'))).toBe('-0.5');
    expect(toDecimalString(f('100'))).toBe('100');
    expect(() => toDecimalString(f('1').div(3))).toThrow(RangeError);
  });

  it('property: half-up rounding agrees with rounding the decimal digits by hand', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 8 }), (digits, places) => {
        // value = digits / 10^(places + 2); by hand: drop all but 2 decimals, add 1 if the first dropped digit ≥ 5
        const scale = 10n ** BigInt(places);
        const kept = digits / scale;
        const firstDropped = places === 0 ? 0n : (digits / 10n ** BigInt(places - 1)) % 10n;
        const expected = kept + (firstDropped >= 5n ? 1n : 0n);
        const value = fromDecimalString(`${digits}e-${places + 2}`);
        expect(roundHalfUp(value).equals(fromDecimalString(`${expected}e-2`))).toBe(true);
      }),
    );
  });

  it('property: a finite double goes in and comes back out unchanged', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (x) => {
        expect(toNumber(fromNumber(x))).toBe(x === 0 ? 0 : x);
      }),
    );
  });
});
