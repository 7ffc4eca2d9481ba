/** Framework codes as provinces write them: one pattern, natural order, checked in frameworks. */
import { describe, expect, it } from 'vitest';
import { compareCodes } from '../../shared/domain/codes.ts';
import { frameworkErrors } from '../../shared/domain/framework.ts';
import type { Framework } from '../../shared/schemas/files/framework.ts';
import { frameworkCode } from '../../shared/schemas/codes.ts';
import { referenceFramework } from '../support/assessment-helpers.ts';

describe('framework codes', () => {
  it('accepts dot-separated digits or letters and nothing else', () => {
    for (const ok of ['1', '1.1.a', 'II.3', '7.4.b2']) expect(frameworkCode().safeParse(ok).success, ok).toBe(true);
    for (const bad of ['', '1.', '.1', '1..2', '1.1-a', '1 1', 'ạ.1']) expect(frameworkCode().safeParse(bad).success, bad).toBe(false);
  });

  it('orders codes naturally: numbers by value, numbers before letters, a parent before its children', () => {
    const sorted = ['1.10', '1.1.b', '2', '1.2', '1.1.a', '1.1', '1.1.1', '10', '1.1.B'].sort(compareCodes);
    expect(sorted).toEqual(['1.1', '1.1.1', '1.1.a', '1.1.B', '1.1.b', '1.2', '1.10', '2', '10']);
    expect(compareCodes('1.2', '1.10')).toBeLessThan(0);
    expect(compareCodes('1.1.a', '1.1.a')).toBe(0);
  });

  it('refuses siblings out of natural order, naming the field', () => {
    const framework = structuredClone(referenceFramework('department')) as Framework;
    const group = framework.areas[0]!.items[0] as { items: { code: string }[] };
    group.items[0]!.code = '1.1.b';
    group.items[1]!.code = '1.1.a';
    expect(frameworkErrors(framework)).toContainEqual({
      path: 'areas[0].items[0].items[1].code',
      message: '"1.1.a" must come after "1.1.b"',
    });
    group.items[0]!.code = '1.1.a';
    group.items[1]!.code = '1.1.b';
    expect(frameworkErrors(framework)).toEqual([]);
  });
});
