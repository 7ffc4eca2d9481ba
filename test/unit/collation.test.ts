/**
 * The Vietnamese comparator (shared/domain/collation.ts) against ICU's `Intl.Collator('vi')`:
 * the same sign on random strings of the characters it keys itself, on the province's real unit
 * names, and (through the fallback) on strings with any other character.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byVietnameseName, compareVietnamese } from '../../shared/domain/collation.ts';

const icu = new Intl.Collator('vi');
const sign = (n: number) => Math.sign(n);

const lower = 'aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệfghiìỉĩíịjklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvwxyỳỷỹýỵz';
const keyed = [...`${lower}${lower.toUpperCase()} _-,;:!?.'"()[]{}@*/\\&#%\`^+<=>|~$0123456789`];
/** Short strings over few characters, so that equal primaries (where tones and case decide) are common. */
const near = fc.string({ unit: fc.constantFrom(...'aAàÀáảạăâbđĐdeê 1-'), maxLength: 5 });
const any = fc.string({ unit: fc.constantFrom(...keyed), maxLength: 12 });

describe('compareVietnamese', () => {
  it('orders as Intl.Collator("vi") on random strings of letters, tones, digits and punctuation', () => {
    fc.assert(
      fc.property(fc.oneof(near, any), fc.oneof(near, any), (a, b) => {
        expect(sign(compareVietnamese(a, b))).toBe(sign(icu.compare(a, b)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('sorts the province’s registry exactly as the collator does', () => {
    const registry = JSON.parse(readFileSync(new URL('../../reference/units/ben-tre-2024.json', import.meta.url), 'utf8')) as {
      units: { name: string }[];
    };
    const names = registry.units.map((u) => u.name);
    expect(names.length).toBeGreaterThan(150);
    const shuffled = [...names].reverse();
    expect(shuffled.sort(compareVietnamese)).toEqual([...names].sort(icu.compare));
  });

  it('falls back to the collator for characters outside its table (NFD marks, other scripts)', () => {
    const pairs: [string, string][] = [
      ['a\u0301', 'á'],
      ['Ça', 'Ca'],
      ['Ωmega', 'omega'],
      ['Xã Mỹ\u00a0Hòa', 'Xã Mỹ Hòa'],
      ['phường 1', 'phường①'],
    ];
    for (const [a, b] of pairs) {
      expect(sign(compareVietnamese(a, b))).toBe(sign(icu.compare(a, b)));
      expect(sign(compareVietnamese(b, a))).toBe(sign(icu.compare(b, a)));
    }
  });

  it('sorts records by name with byVietnameseName', () => {
    const rows = ['Đông', 'Dương', 'Ấp', 'An', 'Ăn'].map((name) => ({ name }));
    expect(rows.sort(byVietnameseName).map((r) => r.name)).toEqual(['An', 'Ăn', 'Ấp', 'Dương', 'Đông']);
  });
});
