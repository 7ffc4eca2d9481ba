/** Year over year and crosswalks, on hand-worked examples (every expected figure computed by hand in the comments). */
import { describe, expect, it } from 'vitest';
import { counterpartOf, crosswalkErrors } from '../../shared/domain/crosswalk.ts';
import { parseFramework } from '../../shared/domain/framework.ts';
import { compareWithPrevious, predecessorsFromRegistry } from '../../shared/domain/year-over-year.ts';
import type { Results, UnitResultJson } from '../../shared/schemas/files/results.ts';
import { referenceFramework } from '../support/assessment-helpers.ts';

type Area = { code: string; score: number; max: number; index: number };
const unit = (unitId: string, index: number, rank: number, band: string, total: number, max: number, areas: Area[]): UnitResultJson => ({
  unitId,
  name: `Xã ${unitId}`,
  unitType: 'commune',
  achieved: total,
  bonusTotal: 0,
  penaltyTotal: 0,
  total,
  maxApplicable: max,
  index,
  rank,
  band,
  selfTotal: total,
  surveyTotal: 0,
  missing: [],
  areas,
});
const results = (frameworkId: string, units: UnitResultJson[]): Results => ({ frameworkId, units, stats: {} });
const bands = [
  { label: 'Tốt', min: 90 },
  { label: 'Khá', min: 80 },
  { label: 'Trung bình', min: 0 },
];

const previous = results('commune-2024', [
  unit('B', 90, 1, 'Tốt', 90, 100, [{ code: '1', score: 9, max: 10, index: 90 }]),
  unit('A', 80.5, 2, 'Khá', 80.5, 100, [
    { code: '1', score: 8, max: 10, index: 80 },
    { code: '2', score: 20, max: 30, index: 66.67 },
    { code: '3', score: 10, max: 20, index: 50 },
  ]),
  unit('C', 70, 3, 'Trung bình', 35, 50, [{ code: '1', score: 7, max: 10, index: 70 }]),
]);

describe('year over year', () => {
  it('compares a unit with its own previous result: index change in points, rank change in places gained', () => {
    const current = results('commune-2024', [unit('A', 85.25, 1, 'Khá', 85.25, 100, [{ code: '1', score: 9, max: 10, index: 90 }])]);
    const [a] = compareWithPrevious(current, { id: 'commune-2024' }, { year: 2031, results: previous }).units;
    // 85.25 − 80.5 = 4.75; rank 2 → 1 is one place gained; area 1: 90 − 80 = 10.
    expect(a!.previous).toEqual({ year: 2031, index: 80.5, rank: 2, band: 'Khá', unitIds: ['A'] });
    expect(a!.change).toEqual({ index: 4.75, rank: 1 });
    expect(a!.areas[0]).toMatchObject({ previousIndex: 80, change: 10, comparison: 'same-framework' });
  });

  it('gives a new unit previous null and its areas "no-previous", and names the year compared with', () => {
    const current = results('commune-2024', [unit('D', 60, 1, 'Trung bình', 60, 100, [{ code: '1', score: 6, max: 10, index: 60 }])]);
    const out = compareWithPrevious(current, { id: 'commune-2024' }, { year: 2031, results: previous });
    expect(out.previousYear).toBe(2031);
    expect(out.units[0]).toMatchObject({ previous: null, change: null });
    expect(out.units[0]!.areas[0]).toMatchObject({ previousIndex: null, change: null, comparison: 'no-previous' });
    expect(compareWithPrevious(current, { id: 'commune-2024' }, undefined).previousYear).toBeNull();
  });

  it('compares a merged unit with its predecessors combined: 100 × Σ total / Σ max, banded by last year, no rank', () => {
    const current = results('commune-2024', [unit('E', 88, 1, 'Khá', 88, 100, [{ code: '1', score: 17, max: 20, index: 85 }])]);
    const predecessors = predecessorsFromRegistry([{ id: 'B', successorId: 'E' }, { id: 'C', successorId: 'E' }, { id: 'E' }]);
    expect(predecessors.get('E')).toEqual(['E', 'B', 'C']);
    const [e] = compareWithPrevious(current, { id: 'commune-2024' }, { year: 2031, results: previous, bands }, { predecessors }).units;
    // (90 + 35) / (100 + 50) = 83.333… → 83.33, Khá; 88 − 83.33 = 4.67. Area 1: (9 + 7) / (10 + 10) = 80 → +5.
    expect(e!.previous).toEqual({ year: 2031, index: 83.33, rank: null, band: 'Khá', unitIds: ['B', 'C'] });
    expect(e!.change).toEqual({ index: 4.67, rank: null });
    expect(e!.areas[0]).toMatchObject({ previousIndex: 80, change: 5 });
  });

  it('compares areas across framework versions only through the crosswalk, never by code alone', () => {
    const areas = [
      { code: '1', score: 9, max: 10, index: 90 },
      { code: '2', score: 35, max: 50, index: 70 },
      { code: '4', score: 5, max: 10, index: 50 },
      { code: '9', score: 3, max: 5, index: 60 },
    ];
    const current = results('commune-2026', [unit('A', 80, 1, 'Khá', 52, 65, areas)]);
    const crosswalk = { frameworkId: 'commune-2024', areas: { '1': '1', '2': ['2', '3'], '9': null } };
    const [a] = compareWithPrevious(current, { id: 'commune-2026', predecessor: crosswalk }, { year: 2031, results: previous }).units;
    // 2 ← 2 + 3: (20 + 10) / (30 + 20) = 60 → 70 − 60 = +10; 4 is not listed; 9 is new.
    expect(a!.areas.map((x) => [x.code, x.previousIndex, x.change, x.comparison])).toEqual([
      ['1', 80, 10, 'crosswalk'],
      ['2', 60, 10, 'crosswalk'],
      ['4', null, null, 'no-mapping'],
      ['9', null, null, 'no-counterpart'],
    ]);
    // The overall index still compares: 80 − 80.5.
    expect(a!.change).toEqual({ index: -0.5, rank: 1 });

    const [noCrosswalk] = compareWithPrevious(current, { id: 'commune-2026' }, { year: 2031, results: previous }).units;
    expect(noCrosswalk!.areas.every((x) => x.comparison === 'no-mapping' && x.previousIndex === null)).toBe(true);
    const wrongVersion = { ...crosswalk, frameworkId: 'commune-2020' };
    expect(counterpartOf({ id: 'commune-2026', predecessor: wrongVersion }, 'commune-2024', '1').kind).toBe('no-mapping');
  });

  it('marks an area the unit was not scored on last year as not comparable', () => {
    const current = results('commune-2024', [unit('C', 75, 1, 'Trung bình', 75, 100, [{ code: '2', score: 20, max: 25, index: 80 }])]);
    const [c] = compareWithPrevious(current, { id: 'commune-2024' }, { year: 2031, results: previous }).units;
    expect(c!.areas[0]).toMatchObject({ previousIndex: null, change: null, comparison: 'not-scored' });
  });

  it('checks a crosswalk against its own framework when the framework is validated', () => {
    const framework = referenceFramework('commune');
    const bad = { ...framework, id: 'commune-2026', predecessor: { frameworkId: 'commune-2026', areas: { '1': '1', '42': '2' } } };
    expect(crosswalkErrors(bad)).toEqual([
      { path: 'predecessor.frameworkId', message: 'must name the previous version, not this framework' },
      { path: 'predecessor.areas["42"]', message: '"42" is not an area of this framework' },
    ]);
    const parsed = parseFramework(bad);
    expect(parsed.ok).toBe(false);
    const good = parseFramework({
      ...framework,
      id: 'commune-2026',
      predecessor: { frameworkId: framework.id, areas: { '1': '1', '2': null } },
    });
    expect(good.ok).toBe(true);
  });
});
