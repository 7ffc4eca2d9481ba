/** shared/domain/vietnamese-format.ts against ICU's vi-VN formatters, on random values. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { viDate, viDateTime, viDecimal2, viNumber } from '../../shared/domain/vietnamese-format.ts';

const two = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const twoUngrouped = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
const plain = new Intl.NumberFormat('vi-VN');
const dayParts = { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' } as const;
const day = new Intl.DateTimeFormat('vi-VN', dayParts);
const minute = new Intl.DateTimeFormat('vi-VN', { ...dayParts, hour: '2-digit', minute: '2-digit' });

/** Doubles of every magnitude, quarter points and ties such as 0.125 (where rounding direction shows). */
const numbers = fc.oneof(
  fc.double({ min: -1e22, max: 1e22 }),
  fc.integer({ min: -4_000_000, max: 4_000_000 }).map((q) => q / 8),
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  fc.constantFrom(0, -0, 0.005, -0.005, 1.005, 2.675, 999.995, 1e21, -1e21, 1e20, Number.NaN, Infinity, -Infinity),
);

describe('Vietnamese number text', () => {
  it('is Intl.NumberFormat("vi-VN") with two decimals, grouped and ungrouped', () => {
    fc.assert(
      fc.property(numbers, (n) => {
        expect(viDecimal2(n)).toBe(two.format(n));
        expect(viDecimal2(n, false)).toBe(twoUngrouped.format(n));
      }),
      { numRuns: 20_000 },
    );
  });

  it('is Intl.NumberFormat("vi-VN") with its default digits', () => {
    fc.assert(
      fc.property(numbers, (n) => {
        expect(viNumber(n)).toBe(plain.format(n));
      }),
      { numRuns: 20_000 },
    );
  });

  it('prints the page’s examples', () => {
    expect(viDecimal2(1234.5)).toBe('1.234,50');
    expect(viNumber(157)).toBe('157');
    expect(viNumber(2_097_152)).toBe('2.097.152');
    expect(viDecimal2(-0.5)).toBe('-0,50');
  });
});

describe('Vietnamese date text', () => {
  it('is Intl.DateTimeFormat("vi-VN") in Asia/Ho_Chi_Minh, from 1900 to 9999', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true }), (d) => {
        expect(viDate(d.toISOString())).toBe(day.format(d));
        expect(viDate(d)).toBe(day.format(d));
        expect(viDateTime(d.getTime())).toBe(minute.format(d));
      }),
      { numRuns: 20_000 },
    );
  });

  it('turns the day at 17:00 UTC, midnight in Việt Nam', () => {
    expect(viDate('2026-12-01T16:59:59.999Z')).toBe('01/12/2026');
    expect(viDate('2026-12-01T17:00:00.000Z')).toBe('02/12/2026');
    expect(viDateTime('2033-12-15T16:59:00Z')).toBe('23:59 15/12/2033');
  });

  it('refuses an invalid date as Intl does', () => {
    expect(() => viDate('not a date')).toThrow(RangeError);
    expect(() => viDateTime('not a date')).toThrow(RangeError);
  });
});
