/** Framework codes in natural order: "1.2" < "1.10", "1.1.a" < "1.1.b", a parent before its children. */
import { compareVietnamese } from './collation.ts';

const digits = /^[0-9]+$/;

function compareSegments(a: string, b: string): number {
  const [numA, numB] = [digits.test(a), digits.test(b)];
  if (numA && numB) {
    const [x, y] = [BigInt(a), BigInt(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  }
  // Numbered items before lettered ones at the same level (1.1.1 before 1.1.a).
  if (numA !== numB) return numA ? -1 : 1;
  const folded = compareVietnamese(a.toLowerCase(), b.toLowerCase()); // ASCII letters and digits: the root order
  return folded !== 0 ? folded : a < b ? -1 : a > b ? 1 : 0;
}

export function compareCodes(a: string, b: string): number {
  const [sa, sb] = [a.split('.'), b.split('.')];
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const c = compareSegments(sa[i]!, sb[i]!);
    if (c !== 0) return c;
  }
  return sa.length - sb.length;
}
