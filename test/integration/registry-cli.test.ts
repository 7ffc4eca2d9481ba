/** `par registry` against the local API: import (dry run, applied, refused), list, retire with a successor. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteCommand } from '../../shared/store/dynamo/commands.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/par.ts';
import { dynamo, tableName } from '../../shared/store/clients.ts';
import { unitKeys } from '../../shared/store/entities/unit.ts';
import { getUnit } from '../../shared/store/units-store.ts';
import { apiUrl, tokens } from '../support/api.ts';

const dir = mkdtempSync(join(tmpdir(), 'par-registry-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const good = file('don-vi.csv', 'id,type,name,parent\nREG-C1,commune,Xã Một,UBND-TINH\nREG-C2,commune,Xã Hai,UBND-TINH\n');
const bad = file('loi.csv', 'id,type,name,parent\nREG-C3,commune,Xã Ba,REG-KHONG-CO\n');

async function par(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, out: out.join(''), err: err.join('') };
}

beforeAll(async () => {
  process.env.PAR_API_URL = apiUrl;
  process.env.PAR_TOKEN = await tokens.admin();
});

afterAll(async () => {
  delete process.env.PAR_API_URL;
  delete process.env.PAR_TOKEN;
  for (const id of ['REG-C1', 'REG-C2']) await dynamo().send(new DeleteCommand({ TableName: tableName(), Key: unitKeys.item(id) }));
});

describe('par registry', () => {
  it('import --dry-run reports and writes nothing; import applies', async () => {
    const dry = await par('registry', 'import', good, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/Chạy thử \(chưa ghi\): 2 dòng; thêm mới 2/);
    expect(await getUnit('REG-C1')).toBeUndefined();
    const applied = await par('registry', 'import', good);
    expect(applied.out).toMatch(/Đã áp dụng: 2 dòng; thêm mới 2/);
    expect(await getUnit('REG-C1')).toMatchObject({ parentId: 'UBND-TINH', status: 'active' });
  });

  it('a refused import exits 1 with the problem on its line, writing nothing', async () => {
    const res = await par('registry', 'import', bad);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/dòng 2\tparent\tUNKNOWN_PARENT/);
    expect(res.err).toMatch(/REGISTRY_CHANGE_INVALID/);
    expect(await getUnit('REG-C3')).toBeUndefined();
  });

  it('list prints the units of a type; retire --successor merges', async () => {
    const listed = await par('registry', 'list', '--type', 'district');
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/^H-BATRI\tdistrict\t.+\tUBND-TINH\tactive$/m);
    const retired = await par('registry', 'retire', 'REG-C2', '--successor', 'REG-C1', '--valid-to', '2105');
    expect(retired.code, retired.err).toBe(0);
    expect(retired.out).toMatch(/REG-C2\tsáp nhập/);
    expect(await getUnit('REG-C2')).toMatchObject({ status: 'merged', successorId: 'REG-C1', validTo: 2105 });
  });
});
