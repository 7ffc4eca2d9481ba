/** Who appraises a commune: its district, or the province when there is no district level or the cycle says so. */
import { describe, expect, it } from 'vitest';
import { appraisalRefusal, assignedUnits, type UnitRef } from '../../shared/domain/permissions.ts';
import type { Caller } from '../../shared/domain/roles.ts';

const appraiser = (unitId: string, district?: string): Caller => ({
  subject: unitId,
  username: unitId,
  roles: ['appraiser'],
  unitId,
  areas: ['*'],
  ...(district ? { district } : {}),
});
const batri = appraiser('H-BATRI', 'H-BATRI');
const snv = appraiser('SNV');
const underDistrict: UnitRef = { id: 'X-1', type: 'commune', parentId: 'H-BATRI', parentType: 'district' };
const underProvince: UnitRef = { id: 'X-1', type: 'commune', parentId: 'UBND-TINH', parentType: 'province' };
const verdict = (caller: Caller, unit: UnitRef) => appraisalRefusal(caller, unit)?.code ?? 'allowed';

describe('commune appraisers', () => {
  it('gives a commune under its district to that district by default and with "parent-district"', () => {
    for (const assignedTo of [[], ['parent-district']]) {
      expect(verdict(batri, { ...underDistrict, assignedTo })).toBe('allowed');
      expect(verdict(snv, { ...underDistrict, assignedTo })).toBe('OUTSIDE_SCOPE');
    }
  });

  it('gives a commune directly under the province to the province, whatever the assignment says', () => {
    for (const assignedTo of [[], ['parent-district'], ['SNV']]) {
      expect(verdict(snv, { ...underProvince, assignedTo })).toBe('allowed');
      expect(verdict(batri, { ...underProvince, assignedTo })).toBe('OUTSIDE_SCOPE');
    }
  });

  it('lets a cycle assign communes still under a district to named province units instead', () => {
    const assignedTo = assignedUnits({ commune: { '*': ['SNV'], '7.4': ['SKHCN'] } }, 'commune');
    expect(assignedTo.sort()).toEqual(['SKHCN', 'SNV']);
    expect(verdict(snv, { ...underDistrict, assignedTo })).toBe('allowed');
    expect(verdict(batri, { ...underDistrict, assignedTo })).toBe('OUTSIDE_SCOPE');
  });
});
