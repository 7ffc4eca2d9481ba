import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../shared/store/audit.ts';
import { getUnit } from '../../shared/store/units-store.ts';
import { api, token, tokens } from '../support/api.ts';

describe('GET /v1/units', () => {
  it('serves the seeded registry by type, sorted in Vietnamese order', async () => {
    const t = await tokens.unit('SNV');
    const counts: Record<string, number> = {};
    // Other test files add units of their own for a while (REG-, ADM2-...): count the seeded ones.
    const seeded = new Set(
      (JSON.parse(readFileSync('reference/units/ben-tre-2024.json', 'utf8')).units as { id: string }[]).map((u) => u.id),
    );
    for (const type of ['province', 'department', 'district', 'commune']) {
      const res = await api('GET', `/v1/units?type=${type}`, { token: t });
      expect(res.status).toBe(200);
      counts[type] = res.body.units.filter((u: { id: string }) => seeded.has(u.id)).length;
    }
    expect(counts).toEqual({ province: 1, department: 18, district: 9, commune: 157 });
    const all = await api('GET', '/v1/units', { token: t });
    expect(all.body.units.filter((u: { id: string }) => seeded.has(u.id))).toHaveLength(185);
    const names: string[] = all.body.units.map((u: { name: string }) => u.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
  });

  it("filters communes by parent: Ba Tri's 23", async () => {
    const res = await api('GET', '/v1/units?type=commune&parent=H-BATRI', { token: await tokens.admin() });
    expect(res.status).toBe(200);
    expect(res.body.units).toHaveLength(23);
    expect(res.body.units.every((u: { parentId: string }) => u.parentId === 'H-BATRI')).toBe(true);
  });

  it('rejects an unknown type and an unknown query parameter, naming the field', async () => {
    const t = await tokens.admin();
    const bad = await api('GET', '/v1/units?type=hamlet', { token: t });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(bad.body.errors[0].path).toBe('query.type');
    const extra = await api('GET', '/v1/units?kind=commune', { token: t });
    expect(extra.status).toBe(400);
    expect(extra.body.errors[0].message).toMatch(/kind/);
  });
});

describe('PUT /v1/units/{unitId}', () => {
  it('creates then updates a unit with optimistic locking and audit events', async () => {
    const admin = await tokens.admin();
    const created = await api('PUT', '/v1/units/X-TEST-NEW', {
      token: admin,
      body: { type: 'commune', name: 'Xã Thử Nghiệm', parentId: 'H-BATRI' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'X-TEST-NEW', version: 1 });
    const updated = await api('PUT', '/v1/units/X-TEST-NEW', {
      token: admin,
      body: { type: 'commune', name: 'Xã Thử Nghiệm Mới', parentId: 'H-BATRI', expectedVersion: 1 },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.version).toBe(2);
    const stale = await api('PUT', '/v1/units/X-TEST-NEW', {
      token: admin,
      body: { type: 'commune', name: 'Lost update', parentId: 'H-BATRI', expectedVersion: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect(stale.body.current.version).toBe(2);
    expect((await getUnit('X-TEST-NEW'))?.name).toBe('Xã Thử Nghiệm Mới');
    const audit = await listAudit('UNIT#X-TEST-NEW');
    expect(audit.map((e) => e.action)).toEqual(['unit.updated', 'unit.created']);
    expect(audit[0]).toMatchObject({ actor: { username: 'admin', roles: ['admin'] }, before: { version: 1 }, after: { version: 2 } });
  });

  it('requires expectedVersion to update an existing unit (400 naming it) and stores nothing', async () => {
    const before = await getUnit('SNV');
    const res = await api('PUT', '/v1/units/SNV', {
      token: await tokens.admin(),
      body: { type: 'department', name: 'Sở Nội vụ (đổi)', parentId: 'UBND-TINH' },
    });
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(res.body.errors).toEqual([{ path: 'body.expectedVersion', message: 'required to change an existing unit' }]);
    expect(await getUnit('SNV')).toEqual(before);
    expect(await listAudit('UNIT#SNV')).toHaveLength(1);
  });

  it('normalises Vietnamese names to NFC', async () => {
    const decomposed = 'Xã Tân Thủy'.normalize('NFD');
    const res = await api('PUT', '/v1/units/X-TEST-NFC', {
      token: await tokens.admin(),
      body: { type: 'commune', name: decomposed, parentId: 'H-BATRI' },
    });
    expect(res.status).toBe(201);
    expect((await getUnit('X-TEST-NFC'))?.name).toBe('Xã Tân Thủy'.normalize('NFC'));
  });

  it.each([
    ['a missing parent', { type: 'commune', name: 'Xã Lạc', parentId: 'NOPE' }, 422, 'body.parentId', 'PARENT_RULE'],
    ['a department under a district', { type: 'department', name: 'Sở Lạc', parentId: 'H-BATRI' }, 422, 'body.parentId', 'PARENT_RULE'],
    ['an unknown field', { type: 'commune', name: 'Xã Lạc', parentId: 'H-BATRI', version: 7 }, 400, 'body', 'VALIDATION_FAILED'],
    ['a name that is not a string', { type: 'commune', name: 42, parentId: 'H-BATRI' }, 400, 'body.name', 'VALIDATION_FAILED'],
    [
      'a bad admin code',
      { type: 'commune', name: 'Xã Lạc', parentId: 'H-BATRI', adminCode: 'abc' },
      400,
      'body.adminCode',
      'VALIDATION_FAILED',
    ],
  ])('refuses %s and writes nothing', async (_label, body, status, path, code) => {
    const res = await api('PUT', '/v1/units/X-TEST-REFUSED', { token: await tokens.admin(), body });
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await getUnit('X-TEST-REFUSED')).toBeUndefined();
    expect(await listAudit('UNIT#X-TEST-REFUSED')).toEqual([]);
  });

  it('refuses malformed JSON and a wrong content type', async () => {
    const admin = await tokens.admin();
    const malformed = await api('PUT', '/v1/units/X-TEST-REFUSED', {
      token: admin,
      rawBody: '{"type": "commune",',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('MALFORMED_JSON');
    expect(malformed.body.errors[0]).toMatchObject({ path: 'body' });
    const text = await api('PUT', '/v1/units/X-TEST-REFUSED', {
      token: admin,
      rawBody: 'type=commune',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    expect(text.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await getUnit('X-TEST-REFUSED')).toBeUndefined();
  });

  it.each(['unit', 'appraiser', 'council'] as const)('refuses role %s with 403 and writes nothing', async (role) => {
    const t = await token({ role, unitId: 'SNV', areas: '*' });
    const res = await api('PUT', '/v1/units/SNV', { token: t, body: { type: 'department', name: 'Hijacked', parentId: 'UBND-TINH' } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('ROLE_REQUIRED');
    expect((await getUnit('SNV'))?.name).toBe('Sở Nội vụ');
  });
});
