/** The province's own assessment: area ownership, the coordinator, and the Ministry's score (pure rules). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../shared/domain/appraisal.ts';
import { ministryComparison, ministryScoreErrors, ministryTotal } from '../../shared/domain/ministry-score.ts';
import {
  coordinatorRefusal,
  locallyAppraised,
  ministryScoreRefusal,
  provinceLeafRefusal,
  writableCodes,
} from '../../shared/domain/province.ts';
import type { Caller } from '../../shared/domain/roles.ts';
import type { Framework } from '../../shared/schemas/files/framework.ts';
import { leaves } from '../../shared/domain/framework.ts';

const framework = JSON.parse(readFileSync('reference/frameworks/province-2024.json', 'utf8')) as Framework;
const assignment: Assignment = {
  province: (JSON.parse(readFileSync('reference/cycles/province-2024.json', 'utf8')) as { assignment: Record<string, string[]> })
    .assignment,
};
const unit = (unitId: string): Caller => ({ subject: unitId, username: unitId, roles: ['unit'], unitId, areas: [] });
const verdict = (caller: Caller, code: string) => provinceLeafRefusal(caller, assignment, code)?.code ?? 'allowed';

describe('area ownership', () => {
  it('gives each department its areas, the most specific code first, and Sở Nội vụ everything', () => {
    expect(verdict(unit('STP'), '2.1')).toBe('allowed');
    expect(verdict(unit('STP'), '3.2')).toBe('AREA_NOT_ASSIGNED');
    expect(verdict(unit('STTTT'), '7.2')).toBe('allowed');
    expect(verdict(unit('STTTT'), '7.4')).toBe('AREA_NOT_ASSIGNED');
    expect(verdict(unit('SKHCN'), '7.4')).toBe('allowed');
    for (const code of ['2.1', '3.2', '7.4', '8.1.1']) expect(verdict(unit('SNV'), code)).toBe('allowed');
    expect(verdict(unit('SCT'), '4.1')).toBe('AREA_NOT_ASSIGNED');
  });

  it('names who owns a refused leaf', () => {
    expect(provinceLeafRefusal(unit('STP'), assignment, '6.1')?.details).toEqual({ assignedTo: ['STC'] });
  });

  it('lists the leaves a department may write', () => {
    const codes = leaves(framework).map((l) => l.leaf.code);
    expect(writableCodes(unit('STC'), assignment, codes)).toEqual(['6.1', '6.2', '6.3', '6.4']);
    expect(writableCodes(unit('SNV'), assignment, codes)).toEqual(codes);
  });

  it('leaves submitting and the Ministry score to the coordinator (or an administrator)', () => {
    expect(coordinatorRefusal(unit('STP'), assignment, 'submitting')?.code).toBe('COORDINATOR_ONLY');
    expect(coordinatorRefusal(unit('SNV'), assignment, 'submitting')).toBeUndefined();
    expect(ministryScoreRefusal({ subject: 'a', username: 'a', roles: ['admin'], areas: [] }, assignment)).toBeUndefined();
    // An appraiser token of Sở Nội vụ is not its clerk's.
    expect(ministryScoreRefusal({ subject: 's', username: 's', roles: ['appraiser'], unitId: 'SNV', areas: ['*'] }, assignment)?.code).toBe(
      'COORDINATOR_ONLY',
    );
  });

  it("keeps the province out of the province's own ranking and pipeline", () => {
    expect(locallyAppraised('province')).toBe(false);
    expect(['department', 'district', 'commune'].every((t) => locallyAppraised(t as 'commune'))).toBe(true);
  });
});

describe("the Ministry's score", () => {
  it('refuses unknown codes, points above the maximum and more than two decimals', () => {
    const errors = ministryScoreErrors(framework, { leaves: { '2.1': 2.5, '9.9': 1, '2.4': 1.234 }, areas: { '8': 20.01 } });
    expect(errors.map((e) => e.path)).toEqual(['leaves["2.1"]', 'leaves["9.9"]', 'leaves["2.4"]', 'areas["8"]']);
    expect(ministryScoreErrors(framework, {})).toEqual([{ path: 'total', message: 'give the total, the areas or the leaves' }]);
  });

  it('sums exactly: the total given, else the areas, else the leaves', () => {
    expect(ministryTotal({ leaves: { '1.1.1': 0.1, '1.1.2': 0.2 } })).toBe(0.3);
    expect(ministryTotal({ areas: { '1': 9.5, '2': 8.25 }, leaves: { '1.1.1': 1 } })).toBe(17.75);
    expect(ministryTotal({ areas: { '1': 9.5 }, total: 80 })).toBe(80);
  });

  it('compares per area, an area scored per leaf as the sum of its leaves', () => {
    const c = ministryComparison(framework, { '2.1': 2, '2.2': 1.5, '1.1.1': 1 }, { leaves: { '2.1': 1.75, '2.2': 1 }, areas: { '1': 9 } });
    expect(c.areas.find((a) => a.code === '2')).toMatchObject({ self: 3.5, ministry: 2.75, difference: -0.75 });
    expect(c.areas.find((a) => a.code === '1')).toMatchObject({ self: 1, ministry: 9, difference: 8 });
    expect(c.areas.find((a) => a.code === '3')).toMatchObject({ self: 0, ministry: null, difference: null });
    expect(c.selfTotal).toBe(4.5);
    expect(c.ministryTotal).toBe(9);
  });
});
