/**
 * Reorganisation as data on DynamoDB Local (issue 11 item 2), with the test's own REG- units:
 * the 2025 reform through a registry import (cycle 2101 with a district, the import moving its
 * communes under the province and merging one, cycle 2102 where Sở Nội vụ appraises them), the
 * dry-run report, a refused import writing nothing, unique official codes, XLSX as CSV.
 * The REG units are deleted afterwards, so other files see the seeded registry only.
 */
import { DeleteCommand } from '../../shared/store/dynamo/commands.ts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo, tableName } from '../../shared/store/clients.ts';
import { listAudit } from '../../shared/store/audit.ts';
import { getCycleRegistry } from '../../shared/store/cycles-store.ts';
import { unitKeys } from '../../shared/store/entities/unit.ts';
import { adminCodeHolder, adminCodeKeys } from '../../shared/store/registry-store.ts';
import { getUnit, listUnits } from '../../shared/store/units-store.ts';
import { api, tokens } from '../support/api.ts';
import { cycleDeadlines, fillSelfLeaves, pdfBytes, referenceFramework, uploadEvidence } from '../support/assessment-helpers.ts';

const [y1, y2] = [2101, 2102];
const header = 'id,type,name,parent,adminCode,validFrom,validTo,successor';
const csv = (...rows: string[]) => [header, ...rows].join('\n');
const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
const codes = ['9911', '99111', '99112', '99113'];

async function importFile(content: string | Buffer, dryRun: boolean, fileName = 'don-vi.csv') {
  return api('POST', '/v1/registry/imports', { token: await tokens.admin(), body: { fileName, contentBase64: b64(content), dryRun } });
}

const initial = csv(
  'REG-H1,district,Huyện Thử Nghiệm,UBND-TINH,9911,,,',
  'REG-X1,commune,Xã Đông Thử,REG-H1,99111,,,',
  'REG-X2,commune,Xã Tây Thử,REG-H1,99112,,,',
);
const reform = csv(
  'REG-H1,district,Huyện Thử Nghiệm,UBND-TINH,9911,,2101,',
  'REG-X1,commune,Xã Đông Thử,UBND-TINH,99111,,,',
  'REG-X2,commune,Xã Tây Thử,REG-H1,99112,,2101,REG-X1',
);

const district = () => tokens.appraiser('REG-H1', '*', 'REG-H1');
const snv = () => tokens.appraiser('SNV', '*');
const appraise = async (year: number, token: string) =>
  api('PUT', `/v1/cycles/${year}/units/REG-X1/appraisal/items/1.1.1`, {
    token,
    body: { appraisedScore: 0, reason: 'Chưa đủ tài liệu kiểm chứng' },
  });

async function openCycle(year: number, appraisal?: Record<string, Record<string, string[]>>) {
  const body = { year, frameworks: { commune: 'commune-2024' }, deadlines: cycleDeadlines(year), ...(appraisal ? { appraisal } : {}) };
  const res = await api('POST', '/v1/cycles', { token: await tokens.admin(), body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

async function submit(year: number) {
  const clerk = await tokens.unit('REG-X1');
  const evidenceId = await uploadEvidence(clerk, year, 'REG-X1', pdfBytes(`REG-X1-${year}`));
  await api('POST', `/v1/cycles/${year}/units/REG-X1/evidence/${evidenceId}/confirm`, { token: clerk });
  await fillSelfLeaves(clerk, year, 'REG-X1', referenceFramework('commune'), evidenceId);
  expect((await api('POST', `/v1/cycles/${year}/units/REG-X1/assessment/submit`, { token: clerk })).status).toBe(200);
}

const regUnits = async () => (await listUnits({})).filter((u) => u.id.startsWith('REG-'));

beforeAll(async () => {
  const created = await importFile(initial, false);
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  await openCycle(y1);
  await submit(y1);
  const moved = await importFile(reform, false);
  expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  expect(moved.body.summary).toMatchObject({ rows: 3, update: 1, retire: 1, merge: 1 });
  await openCycle(y2, { commune: { '*': ['SNV'] } });
  await submit(y2);
}, 240_000);

afterAll(async () => {
  for (const unit of await regUnits()) await dynamo().send(new DeleteCommand({ TableName: tableName(), Key: unitKeys.item(unit.id) }));
  for (const code of [...codes, '99119']) await dynamo().send(new DeleteCommand({ TableName: tableName(), Key: adminCodeKeys.item(code) }));
});

describe('the 2025 reform as a registry import', () => {
  it('cycle 2101 keeps the district: its appraiser appraises the commune, Sở Nội vụ is refused', async () => {
    const refused = await appraise(y1, await snv());
    expect([refused.status, refused.body.code]).toEqual([403, 'OUTSIDE_SCOPE']);
    expect((await appraise(y1, await district())).status).toBe(200);
    const registry = await getCycleRegistry(y1);
    expect(registry?.find((u) => u.id === 'REG-X1')).toMatchObject({ parentId: 'REG-H1', parentType: 'district' });
    expect(registry?.find((u) => u.id === 'REG-X2')).toMatchObject({ parentId: 'REG-H1' });
  });

  it('cycle 2102 has the commune under the province: Sở Nội vụ appraises, the district token is refused', async () => {
    const refused = await appraise(y2, await district());
    expect([refused.status, refused.body.code]).toEqual([403, 'OUTSIDE_SCOPE']);
    expect((await appraise(y2, await snv())).status).toBe(200);
    const registry = await getCycleRegistry(y2);
    expect(registry?.find((u) => u.id === 'REG-X1')).toMatchObject({ parentId: 'UBND-TINH', parentType: 'province' });
    // The merged commune ended with 2101: cycle 2102 does not assess it.
    expect(registry?.some((u) => u.id === 'REG-X2')).toBe(false);
  });

  it('both cycles answer at once, each from its own registry', async () => {
    const [a, b] = await Promise.all([
      api('GET', `/v1/cycles/${y1}/appraisals?type=commune`, { token: await district() }),
      api('GET', `/v1/cycles/${y2}/appraisals?type=commune`, { token: await snv() }),
    ]);
    expect(a.body.assessments.map((x: { unitId: string }) => x.unitId)).toContain('REG-X1');
    expect(b.body.assessments.map((x: { unitId: string }) => x.unitId)).toContain('REG-X1');
    const list = await api('GET', `/v1/cycles/${y1}/registry`, { token: await tokens.admin() });
    expect(list.body.units.find((u: { id: string }) => u.id === 'REG-X2')).toMatchObject({ parentId: 'REG-H1' });
  });

  it('the merged commune keeps its id and history and points to its successor', async () => {
    expect(await getUnit('REG-X2')).toMatchObject({ status: 'merged', successorId: 'REG-X1', validTo: 2101, parentId: 'REG-H1' });
    expect(await getUnit('REG-H1')).toMatchObject({ status: 'retired', validTo: 2101 });
    const actions = (await listAudit('UNIT#REG-X2')).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['unit.created', 'unit.merged']));
    expect((await listAudit('UNIT#REG-X2')).find((e) => e.action === 'unit.merged')?.reason).toBe('registry import don-vi.csv');
  });

  it('importing the same file again changes nothing (a retry is idempotent)', async () => {
    const again = await importFile(reform, false);
    expect(again.body.summary).toMatchObject({ rows: 3, unchanged: 3, create: 0, update: 0 });
    expect(again.body.changes).toEqual([]);
    expect((await getUnit('REG-X1'))?.version).toBe(2);
  });
});

describe('dry run, refusals and official codes', () => {
  const mixed = csv(
    'REG-X1,commune,Xã Đông Thử Mới,UBND-TINH,99111,,,', // update (name)
    'REG-N1,commune,Xã Mới,REG-NOPE,,,,', // unknown parent
    'REG-N2,commune,Xã Trùng Mã,UBND-TINH,83,,,', // the province's code
    'REG-N3,village,Thôn,UBND-TINH,,,,', // no such type
    'REG-N4,commune,Xã Ổn,UBND-TINH,99119,2101,,', // a valid creation
    'REG-N4,commune,Xã Ổn Lặp,UBND-TINH,,,,', // duplicate id
  );

  it('a dry run reports each change and each problem by line and writes nothing', async () => {
    const before = await regUnits();
    const res = await importFile(mixed, true);
    expect(res.status).toBe(200);
    expect(res.body.dryRun).toBe(true);
    expect(res.body.summary).toEqual({ rows: 6, create: 1, update: 1, retire: 0, merge: 0, unchanged: 0 });
    expect(res.body.changes.map((c: { line: number; action: string }) => [c.line, c.action])).toEqual([
      [2, 'update'],
      [6, 'create'],
    ]);
    expect(res.body.changes[0].before.name).toBe('Xã Đông Thử');
    expect(res.body.changes[0].after.name).toBe('Xã Đông Thử Mới');
    const problems = res.body.problems.map((p: { line: number; field: string; code: string }) => [p.line, p.field, p.code]);
    expect(problems).toEqual([
      [3, 'parent', 'UNKNOWN_PARENT'],
      [4, 'adminCode', 'DUPLICATE_ADMIN_CODE'],
      [5, 'type', 'INVALID'],
      [7, 'id', 'DUPLICATE_ID'],
    ]);
    expect(await regUnits()).toEqual(before);
  });

  it('the same file applied is 422 REGISTRY_CHANGE_INVALID with the problems, and nothing is written', async () => {
    const before = await regUnits();
    const res = await importFile(mixed, false);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(res.body.code).toBe('REGISTRY_CHANGE_INVALID');
    expect(res.body.problems).toHaveLength(4);
    expect(await regUnits()).toEqual(before);
    expect(await getUnit('REG-N4')).toBeUndefined();
    expect(await adminCodeHolder('99119')).toBeUndefined();
  });

  it('a district cannot end while a commune stays under it, nor a commune go under an ended district', async () => {
    const res = await importFile(
      csv('REG-H1,district,Huyện Thử Nghiệm,UBND-TINH,9911,,2101,', 'REG-X1,commune,Xã Đông Thử,REG-H1,99111,,,'),
      true,
    );
    expect(res.body.problems.map((p: { line: number; field: string; code: string }) => [p.line, p.field, p.code])).toEqual([
      [2, 'validTo', 'ACTIVE_CHILDREN'],
      [3, 'parent', 'PARENT_ENDED'],
    ]);
  });

  it('PUT /v1/units refuses an official code another unit holds (409 DUPLICATE_ADMIN_CODE), writing nothing', async () => {
    const admin = await tokens.admin();
    const res = await api('PUT', '/v1/units/REG-DUP', {
      token: admin,
      body: { type: 'commune', name: 'Xã Trùng', parentId: 'UBND-TINH', adminCode: '99111' },
    });
    expect([res.status, res.body.code, res.body.unitId]).toEqual([409, 'DUPLICATE_ADMIN_CODE', 'REG-X1']);
    expect(await getUnit('REG-DUP')).toBeUndefined();
    expect(await adminCodeHolder('99111')).toBe('REG-X1');
  });

  it('reads an XLSX file as it reads the CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Đơn vị');
    for (const line of mixed.split('\n')) sheet.addRow(line.split(','));
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const [fromCsv, fromXlsx] = await Promise.all([importFile(mixed, true), importFile(xlsx, true, 'don-vi.xlsx')]);
    expect(fromXlsx.status).toBe(200);
    expect(fromXlsx.body).toEqual(fromCsv.body);
  });

  it('retire with a successor goes through the same rules: a successor of another type is refused', async () => {
    const admin = await tokens.admin();
    const unit = await getUnit('REG-X1');
    const res = await api('POST', '/v1/units/REG-X1/retire', {
      token: admin,
      body: { validTo: 2102, successorId: 'REG-H1', expectedVersion: unit!.version },
    });
    expect(res.status).toBe(422);
    expect(res.body.problems[0]).toMatchObject({ field: 'successor', code: 'SUCCESSOR_RULE' });
    expect((await getUnit('REG-X1'))?.version).toBe(unit!.version);
  });
});
