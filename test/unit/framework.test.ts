import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applicableLeaves, findLeaf, findNode, leaves, parseFramework } from '../../shared/domain/framework.ts';
import type { Framework } from '../../shared/schemas/files/framework.ts';
import { smallFrameworkJson } from './support/fixtures.ts';

const reference = (type: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../reference/frameworks/${type}-2024.json`, import.meta.url), 'utf8'));

const small = smallFrameworkJson;

function errorsOf(input: unknown) {
  const r = parseFramework(input);
  if (r.ok) throw new Error('expected the framework to be rejected');
  return r.errors;
}

describe('parseFramework', () => {
  it.each(['department', 'district', 'commune'])('accepts the %s reference framework', (type) => {
    const r = parseFramework(reference(type));
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('accepts the hand-written framework', () => {
    expect(parseFramework(small()).ok).toBe(true);
  });

  it('sums exactly: 0.1 + 0.2 = 0.3', () => {
    const f: any = small();
    f.areas[1].maxPoints = 0.3;
    f.areas[1].items = [
      { code: '2.1', name: 'a', maxPoints: 0.1, method: 'survey' },
      { code: '2.2', name: 'b', maxPoints: 0.2, method: 'survey' },
    ];
    f.maxTotal = 3.3;
    expect(parseFramework(f).ok).toBe(true);
  });

  it('names the path and the rule when a parent is not the sum of its children', () => {
    const f: any = small();
    f.areas[0].items[0].maxPoints = 2.5;
    expect(errorsOf(f)).toContainEqual({
      path: 'areas[0].items[0].maxPoints',
      message: "2.5 must equal the sum of its items' maxPoints (2)",
    });
  });

  it('rejects areas that do not add up to maxTotal', () => {
    const f: any = small();
    f.maxTotal = 100;
    expect(errorsOf(f)).toEqual([{ path: 'maxTotal', message: "100 must equal the sum of the areas' maxPoints (5)" }]);
  });

  it('rejects duplicate codes, codes outside their parent and duplicate adjustment codes', () => {
    const f: any = small();
    f.areas[0].items[1].code = '1.1';
    f.areas[1].items[0].code = '1.3';
    f.adjustments[1].code = 'T1';
    const errors = errorsOf(f);
    expect(errors).toContainEqual({ path: 'areas[0].items[1].code', message: 'duplicate code "1.1" (already used at areas[0].items[0])' });
    expect(errors).toContainEqual({ path: 'areas[1].items[0].code', message: '"1.3" must start with its parent\'s code "2."' });
    expect(errors).toContainEqual({
      path: 'adjustments[1].code',
      message: 'duplicate adjustment code "T1" (already used at adjustments[0])',
    });
  });

  it('requires a rule on self leaves and none on survey leaves', () => {
    const f: any = small();
    delete f.areas[0].items[1].rule;
    f.areas[1].items[0].rule = { kind: 'boolean' };
    const errors = errorsOf(f);
    expect(errors).toContainEqual({ path: 'areas[0].items[1].rule', message: 'a self leaf needs a rule (tiers, boolean or manual)' });
    expect(errors).toContainEqual({
      path: 'areas[1].items[0].rule',
      message: 'a survey leaf takes no rule: its score comes from the survey',
    });
  });

  it('checks tier points against the leaf maximum and the quarter-point step', () => {
    const f: any = small();
    f.areas[0].items[0].items[1].rule.tiers = [
      { min: 100, points: 2 },
      { min: 80, points: 0.3 },
    ];
    const errors = errorsOf(f);
    expect(errors).toContainEqual({
      path: 'areas[0].items[0].items[1].rule.tiers[0].points',
      message: "2 is above the leaf's maxPoints 1.5",
    });
    expect(errors).toContainEqual({ path: 'areas[0].items[0].items[1].rule.tiers[1].points', message: '0.3 is not a multiple of 0.25' });
  });

  it('checks the manual step', () => {
    const f: any = small();
    f.areas[0].items[1].rule.step = 0.3;
    expect(errorsOf(f)).toEqual([{ path: 'areas[0].items[1].rule.step', message: '0.3 is not a multiple of 0.25' }]);
  });

  it('wants bands from the highest down to a 0 floor', () => {
    const f: any = small();
    f.bands = [
      { label: 'Tốt', min: 80 },
      { label: 'Khá', min: 90 },
      { label: 'Yếu', min: 10 },
    ];
    const errors = errorsOf(f);
    expect(errors).toContainEqual({ path: 'bands[1].min', message: 'bands must be listed from the highest min down: 90 is not below 80' });
    expect(errors).toContainEqual({ path: 'bands[2].min', message: 'the last band must start at 0 so every index gets a band, got 10' });
  });

  it('reports shape errors with the path of the node, as a leaf or as a group', () => {
    const f: any = small();
    f.areas[0].items[0].items[0].maxPoints = '0.5';
    f.areas[0].items[0].items[1].method = 'both';
    f.areas[1].items = [{ code: '2.1', name: 'x', maxPoints: 2, items: 'no' }];
    const errors = errorsOf(f);
    expect(errors).toContainEqual({ path: 'areas[0].items[0].items[0].maxPoints', message: 'must be a number, got the string "0.5"' });
    expect(errors.map((e) => e.path)).toContain('areas[0].items[0].items[1].method');
    expect(errors).toContainEqual({ path: 'areas[1].items[0].items', message: 'must be an array, got the string "no"' });
  });

  it('rejects non-objects', () => {
    expect(errorsOf(42)[0]?.path).toBe('(root)');
  });
});

describe('framework look-ups', () => {
  const parsed = parseFramework(small());
  if (!parsed.ok) throw new Error('fixture invalid');
  const f: Framework = parsed.framework;

  it('lists leaves in order with their area and ancestry', () => {
    expect(leaves(f).map((e) => [e.leaf.code, e.areaCode, e.ancestors.join('>')])).toEqual([
      ['1.1.1', '1', '1>1.1'],
      ['1.1.2', '1', '1>1.1'],
      ['1.2', '1', '1'],
      ['2.1', '2', '2'],
    ]);
    expect(leaves(f)[1]?.path).toBe('areas[0].items[0].items[1]');
  });

  it('finds areas, groups and leaves by code', () => {
    expect(findNode(f, '1')?.name).toBe('Chỉ đạo');
    expect(findNode(f, '1.1')?.maxPoints).toBe(2);
    expect(findNode(f, '9')).toBeUndefined();
    expect(findLeaf(f, '1.1')).toBeUndefined();
    expect(findLeaf(f, '1.2')?.leaf.maxPoints).toBe(1);
  });

  it('exempts a code and everything below it', () => {
    const codes = (na: string[]) => applicableLeaves(f, na).map((e) => e.leaf.code);
    expect(codes([])).toEqual(['1.1.1', '1.1.2', '1.2', '2.1']);
    expect(codes(['1.1'])).toEqual(['1.2', '2.1']);
    expect(codes(['1'])).toEqual(['2.1']);
    expect(codes(['1.1.2', '2'])).toEqual(['1.1.1', '1.2']);
  });
});
