/** The registry change plan (shared/domain/registry-changes.ts), the file reader and the survey-phase rule. */
import { cycleYears } from '../../shared/domain/cycle-years.ts';
import { describe, expect, it } from 'vitest';
import { planRegistryChanges, rowOf, unitInYear, type RegistryRow, type UnitState } from '../../shared/domain/registry-changes.ts';
import { surveysUndefinedRefusal } from '../../shared/domain/survey-readiness.ts';
import { readRegistryFile } from '../../shared/formats/registry-file.ts';

const live: UnitState[] = [
  { id: 'P', type: 'province', name: 'Tỉnh', adminCode: '83' },
  { id: 'H1', type: 'district', name: 'Huyện Một', parentId: 'P', adminCode: '831' },
  { id: 'X1', type: 'commune', name: 'Xã Một', parentId: 'H1', adminCode: '28001' },
  { id: 'X2', type: 'commune', name: 'Xã Hai', parentId: 'H1' },
];
const row = (line: number, fields: Partial<RegistryRow>): RegistryRow => ({
  ...rowOf(live.find((u) => u.id === fields.id) ?? { id: '', type: 'commune', name: '' }),
  ...fields,
  line,
});

describe('planRegistryChanges', () => {
  it('the reform in one file: communes moved, the district retired, one commune merged', () => {
    const plan = planRegistryChanges(
      [row(2, { id: 'X1', parent: 'P' }), row(3, { id: 'X2', validTo: '2025', successor: 'X1' }), row(4, { id: 'H1', validTo: '2025' })],
      live,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.summary).toEqual({ rows: 3, create: 0, update: 1, retire: 1, merge: 1, unchanged: 0 });
    expect(plan.changes.find((c) => c.unitId === 'X2')?.after).toMatchObject({ status: 'merged', successorId: 'X1', validTo: 2025 });
  });

  it('retiring a district with a commune left under it is refused on the district row', () => {
    const plan = planRegistryChanges([row(2, { id: 'H1', validTo: '2025' })], live);
    expect(plan.problems).toEqual([expect.objectContaining({ line: 2, field: 'validTo', code: 'ACTIVE_CHILDREN' })]);
    expect(plan.changes).toEqual([]);
  });

  it('codes are unique across the registry after the file, and a swap inside one file is fine', () => {
    const dup = planRegistryChanges([row(2, { id: 'X2', adminCode: '28001' })], live);
    expect(dup.problems.map((p) => [p.line, p.field, p.code])).toEqual([[2, 'adminCode', 'DUPLICATE_ADMIN_CODE']]);
    const swap = planRegistryChanges([row(2, { id: 'X2', adminCode: '28001' }), row(3, { id: 'X1', adminCode: '28002' })], live);
    expect(swap.problems).toEqual([]);
  });

  it('names each field a row breaks, with its line; a unit cannot change type', () => {
    const plan = planRegistryChanges(
      [
        { line: 2, id: 'bad id', type: 'hamlet', name: ' ', parent: '', adminCode: '1', validFrom: '20x5', validTo: '', successor: 'Y' },
        row(3, { id: 'X1', type: 'district' }),
        row(4, { id: 'N1', type: 'commune', name: 'Xã Mới', parent: 'H1', validFrom: '2027', validTo: '2026' }),
      ],
      live,
    );
    const found = plan.problems.map((p) => `${p.line}:${p.field}:${p.code}`);
    expect(found).toEqual(
      expect.arrayContaining([
        '2:id:INVALID',
        '2:type:INVALID',
        '2:name:REQUIRED',
        '2:adminCode:INVALID',
        '2:validFrom:INVALID',
        '2:validTo:REQUIRED',
      ]),
    );
    expect(found).toContain('3:type:TYPE_CHANGE');
    expect(found).toContain('4:validTo:YEAR_RANGE');
  });

  it('takes only the cycle years the API accepts as validity years', () => {
    const problemsOf = (validFrom: string) =>
      planRegistryChanges([row(2, { id: 'N2', type: 'commune', name: 'Xã Mới', parent: 'H1', validFrom })], live).problems.filter(
        (p) => p.field === 'validFrom',
      );
    expect(problemsOf(String(cycleYears.first))).toEqual([]);
    expect(problemsOf(String(cycleYears.last))).toEqual([]);
    for (const year of [String(cycleYears.first - 1), String(cycleYears.last + 1), '02026']) {
      expect(
        problemsOf(year).map((p) => p.code),
        year,
      ).toEqual(['INVALID']);
    }
  });

  it('a row equal to the stored unit is unchanged; a unit without status is active', () => {
    const plan = planRegistryChanges([row(2, { id: 'X1' })], live);
    expect(plan.summary.unchanged).toBe(1);
    expect(plan.changes).toEqual([]);
  });
});

describe('unitInYear', () => {
  it('takes a unit within its years; a retired unit without a last year belongs to none', () => {
    expect(unitInYear({ validFrom: 2026 }, 2025)).toBe(false);
    expect(unitInYear({ validTo: 2025, status: 'retired' }, 2025)).toBe(true);
    expect(unitInYear({ validTo: 2025, status: 'merged' }, 2026)).toBe(false);
    expect(unitInYear({ status: 'retired' }, 2026)).toBe(false);
    expect(unitInYear({}, 2026)).toBe(true);
  });
});

describe('readRegistryFile', () => {
  it('reads CSV with a BOM, any header order and case, and gives lines as an editor shows them', async () => {
    const text = '\uFEFFName,ID,Type,Parent\n"Xã\nHai dòng",X9,commune,P\nXã Ba,X10,commune,P\n';
    const file = await readRegistryFile('a.csv', Buffer.from(text));
    expect(file.problems).toEqual([]);
    expect(file.rows.map((r) => [r.line, r.id, r.name])).toEqual([
      [2, 'X9', 'Xã\nHai dòng'],
      [4, 'X10', 'Xã Ba'],
    ]);
  });

  it('refuses a file that is not UTF-8, and one without a required column', async () => {
    const latin1 = await readRegistryFile('a.csv', Buffer.from([0x69, 0x64, 0x0a, 0xe0, 0x0a]));
    expect(latin1.problems[0]).toMatchObject({ code: 'FILE_UNREADABLE' });
    const noName = await readRegistryFile('a.csv', Buffer.from('id,type\nX1,commune\n'));
    expect(noName.problems).toEqual([expect.objectContaining({ line: 1, field: 'name', code: 'REQUIRED_COLUMN' })]);
  });
});

describe('surveysUndefinedRefusal', () => {
  const cycle = { year: 2030, phase: 'open' as const, surveys: { commune: 'ks-xa', department: 'ks-so' } };
  it('refuses leaving open while a named survey is undefined, listing it', () => {
    const refused = surveysUndefinedRefusal(cycle, 'appraisal', new Set(['ks-xa']));
    expect(refused).toMatchObject({ code: 'SURVEYS_UNDEFINED', details: { surveys: [{ unitType: 'department', surveyId: 'ks-so' }] } });
    expect(surveysUndefinedRefusal(cycle, 'computation', new Set())?.code).toBe('SURVEYS_UNDEFINED');
  });
  it('lets the cycle move once all are defined, and does not look past open', () => {
    expect(surveysUndefinedRefusal(cycle, 'appraisal', new Set(['ks-xa', 'ks-so']))).toBeUndefined();
    expect(surveysUndefinedRefusal({ ...cycle, phase: 'appraisal' }, 'computation', new Set())).toBeUndefined();
  });
});
