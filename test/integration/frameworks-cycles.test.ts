import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seed } from '../../infra/local/seed.ts';
import { listAudit } from '../../shared/store/audit.ts';
import { getCycle } from '../../shared/store/cycles-store.ts';
import { getFramework } from '../../shared/store/frameworks-store.ts';
import { api, token, tokens } from '../support/api.ts';
import { cycleDeadlines } from '../support/assessment-helpers.ts';

const reference = JSON.parse(readFileSync('reference/frameworks/commune-2024.json', 'utf8'));
const draftFramework = (id: string) => ({ ...reference, id, name: `Bộ chỉ số thử ${id}` });

const deadlines = cycleDeadlines;

describe('frameworks', () => {
  it('reads a seeded framework for any signed-in user', async () => {
    const res = await api('GET', '/v1/frameworks/department-2024', { token: await tokens.unit('SNV') });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'department-2024', unitType: 'department', maxTotal: 100 });
    const missing = await api('GET', '/v1/frameworks/nope-2024', { token: await tokens.admin() });
    expect([missing.status, missing.body.code]).toEqual([404, 'FRAMEWORK_NOT_FOUND']);
  });

  it('stores a valid new framework (admin only) and audits it', async () => {
    const body = draftFramework('commune-test-a');
    expect((await api('PUT', '/v1/frameworks/commune-test-a', { token: await tokens.council(), body })).status).toBe(403);
    expect(await getFramework('commune-test-a')).toBeUndefined();
    const res = await api('PUT', '/v1/frameworks/commune-test-a', { token: await tokens.admin(), body });
    expect(res.status).toBe(200);
    expect((await getFramework('commune-test-a'))?.framework.name).toBe('Bộ chỉ số thử commune-test-a');
    expect((await listAudit('FRAMEWORK#commune-test-a')).map((e) => e.action)).toEqual(['framework.created']);
  });

  it('refuses a framework whose parent maximum is not the sum of its children, naming the path, and writes nothing', async () => {
    const body = draftFramework('commune-test-bad');
    body.areas = structuredClone(reference.areas);
    body.areas[0].items[0].maxPoints += 0.5;
    const res = await api('PUT', '/v1/frameworks/commune-test-bad', { token: await tokens.admin(), body });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.some((e: { path: string }) => e.path.startsWith('body.areas[0]'))).toBe(true);
    expect(await getFramework('commune-test-bad')).toBeUndefined();
    expect(await listAudit('FRAMEWORK#commune-test-bad')).toEqual([]);
  });

  it('refuses a body id that differs from the path', async () => {
    const res = await api('PUT', '/v1/frameworks/commune-test-x', { token: await tokens.admin(), body: draftFramework('commune-test-y') });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('body.id');
  });

  it('refuses with 409 to change a framework a cycle uses', async () => {
    // Its own framework and cycle: department-2024 may also feed cycles that other files publish (CYCLE_PUBLISHED then).
    const admin = await tokens.admin();
    const reference = JSON.parse(readFileSync('reference/frameworks/department-2024.json', 'utf8'));
    const id = 'department-frozen-2091';
    expect((await api('PUT', `/v1/frameworks/${id}`, { token: admin, body: { ...reference, id } })).status).toBe(200);
    const opened = await api('POST', '/v1/cycles', {
      token: admin,
      body: { year: 2091, frameworks: { department: id }, deadlines: deadlines(2091) },
    });
    expect(opened.status).toBe(201);
    const before = await getFramework(id);
    const res = await api('PUT', `/v1/frameworks/${id}`, {
      token: admin,
      body: { ...reference, id, name: 'Changed', expectedVersion: before!.version },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('FRAMEWORK_IN_USE');
    expect(res.body.usedBy).toEqual([2091]);
    expect(await getFramework(id)).toEqual(before);
  });
});

describe('cycles', () => {
  it('serves the seeded open cycle of the current year with deadlines ahead', async () => {
    const year = Number(new Date().toLocaleString('en-US', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }));
    const res = await api('GET', `/v1/cycles/${year}`, { token: await tokens.unit('X-BATRI-TT-BA-TRI') });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year, phase: 'open', frameworks: { commune: 'commune-2024' } });
    expect(Date.parse(res.body.deadlines.selfAssessment)).toBeGreaterThan(Date.now());
    expect(res.body.notApplicable.TTT).toEqual(['3', '7.3']);
  });

  it('opens a cycle (admin), freezing its frameworks, and refuses a second one for the same year', async () => {
    const admin = await tokens.admin();
    const put = await api('PUT', '/v1/frameworks/commune-test-2031', { token: admin, body: draftFramework('commune-test-2031') });
    expect(put.status).toBe(200);
    const body = { year: 2031, frameworks: { commune: 'commune-test-2031' }, deadlines: deadlines(2031) };
    const res = await api('POST', '/v1/cycles', { token: admin, body });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ year: 2031, phase: 'open', version: 1 });
    expect((await getFramework('commune-test-2031'))?.usedBy).toEqual([2031]);
    const again = await api('POST', '/v1/cycles', { token: admin, body });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CYCLE_EXISTS');
    expect((await listAudit('CYCLE#2031')).map((e) => e.action)).toEqual(['cycle.opened']);
  });

  it.each([
    [
      'deadlines out of order',
      { frameworks: { department: 'department-2024' }, deadlines: { ...deadlines(2032), appraisal: '2032-12-01T00:00:00+07:00' } },
      'body.deadlines.appraisal',
    ],
    ['an unknown framework', { frameworks: { department: 'ghost-1' }, deadlines: deadlines(2032) }, 'body.frameworks.department'],
    [
      'a framework of another unit type',
      { frameworks: { district: 'department-2024' }, deadlines: deadlines(2032) },
      'body.frameworks.district',
    ],
    [
      'an exemption with an unknown code',
      { frameworks: { department: 'department-2024' }, deadlines: deadlines(2032), notApplicable: { SNV: ['9.9'] } },
      'body.notApplicable.SNV[0]',
    ],
    [
      'an exemption for an unknown unit',
      { frameworks: { department: 'department-2024' }, deadlines: deadlines(2032), notApplicable: { GHOST: ['3'] } },
      'body.notApplicable.GHOST',
    ],
    [
      'a date without offset',
      { frameworks: { department: 'department-2024' }, deadlines: { ...deadlines(2032), publication: '2033-02-28' } },
      'body.deadlines.publication',
    ],
  ])('refuses %s and writes nothing', async (_label, partial, path) => {
    const res = await api('POST', '/v1/cycles', { token: await tokens.admin(), body: { year: 2032, ...partial } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await getCycle(2032)).toBeUndefined();
    expect(await listAudit('CYCLE#2032')).toEqual([]);
  });

  it('lets only an admin open or change a cycle', async () => {
    for (const role of ['unit', 'appraiser', 'council'] as const) {
      const t = await token({ role, unitId: 'SNV', areas: '*' });
      const res = await api('POST', '/v1/cycles', { token: t, body: { year: 2033, frameworks: {}, deadlines: deadlines(2033) } });
      expect(res.status).toBe(403);
      expect((await api('PATCH', '/v1/cycles/2031', { token: t, body: { phase: 'published' } })).status).toBe(403);
    }
    expect(await getCycle(2033)).toBeUndefined();
    expect((await getCycle(2031))?.phase).toBe('open');
  });

  it('extends a deadline with optimistic locking and an audited reason', async () => {
    const admin = await tokens.admin();
    const current = (await api('GET', '/v1/cycles/2031', { token: admin })).body;
    const res = await api('PATCH', '/v1/cycles/2031', {
      token: admin,
      body: { deadlines: { selfAssessment: '2031-12-20T23:59:59+07:00' }, reason: 'Gia hạn do bão', expectedVersion: current.version },
    });
    expect(res.status).toBe(200);
    expect(res.body.deadlines.selfAssessment).toBe('2031-12-20T23:59:59+07:00');
    const stale = await api('PATCH', '/v1/cycles/2031', {
      token: admin,
      body: { deadlines: { selfAssessment: '2031-12-21T23:59:59+07:00' }, expectedVersion: current.version },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect((await getCycle(2031))?.deadlines.selfAssessment).toBe('2031-12-20T23:59:59+07:00');
    const audit = await listAudit('CYCLE#2031');
    expect(audit[0]).toMatchObject({ action: 'cycle.changed', reason: 'Gia hạn do bão' });
  });
});

describe('the cycle phase state machine (PATCH /v1/cycles/{year})', () => {
  const past = (y: number) => ({
    selfAssessment: `${y}-01-10T23:59:59+07:00`,
    appraisal: `${y}-01-20T23:59:59+07:00`,
    explanation: `${y}-01-25T23:59:59+07:00`,
    survey: `${y}-01-25T23:59:59+07:00`,
    finalAppraisal: `${y}-01-31T23:59:59+07:00`,
    publication: '2099-02-28T23:59:59+07:00',
  });

  it('refuses phases an admin may not set (409 PHASE_TRANSITION_REFUSED with the allowed ones) and stores nothing', async () => {
    const admin = await tokens.admin();
    const before = await getCycle(2031);
    const events = (await listAudit('CYCLE#2031')).length;
    for (const phase of ['published', 'approved', 'computation', 'appraisal'] as const) {
      const res = await api('PATCH', '/v1/cycles/2031', { token: admin, body: { phase, reason: 'x', expectedVersion: before!.version } });
      expect([res.status, res.body.code], phase).toEqual([409, 'PHASE_TRANSITION_REFUSED']);
      // Before the self-assessment deadline an admin may move the cycle nowhere.
      expect(res.body.allowed, phase).toEqual([]);
    }
    expect(await getCycle(2031)).toEqual(before);
    expect(await listAudit('CYCLE#2031')).toHaveLength(events);
  });

  it('lets an admin close submission after the deadline, audited with actor and reason, and never move back', async () => {
    const admin = await tokens.admin();
    const y = 2019;
    expect((await api('POST', '/v1/cycles', { token: admin, body: { year: y, frameworks: {}, deadlines: past(y) } })).status).toBe(201);
    const moved = await api('PATCH', `/v1/cycles/${y}`, {
      token: admin,
      body: { phase: 'appraisal', reason: 'Hết hạn tự đánh giá', expectedVersion: 1 },
    });
    expect(moved.status).toBe(200);
    expect(await getCycle(y)).toMatchObject({ phase: 'appraisal', version: 2 });
    const [event] = await listAudit(`CYCLE#${y}`);
    expect(event).toMatchObject({
      action: 'cycle.phase-changed',
      actor: { username: 'admin' },
      reason: 'Hết hạn tự đánh giá',
      before: { phase: 'open' },
      after: { phase: 'appraisal' },
    });
    const back = await api('PATCH', `/v1/cycles/${y}`, { token: admin, body: { phase: 'open', expectedVersion: 2 } });
    expect([back.status, back.body.code, back.body.allowed]).toEqual([409, 'PHASE_TRANSITION_REFUSED', []]);
    expect((await getCycle(y))?.phase).toBe('appraisal');
  });

  it('requires expectedVersion to change a cycle (400 naming it) and stores nothing', async () => {
    const before = await getCycle(2031);
    const res = await api('PATCH', '/v1/cycles/2031', {
      token: await tokens.admin(),
      body: { deadlines: { selfAssessment: '2031-12-25T23:59:59+07:00' }, reason: 'Gia hạn' },
    });
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(res.body.errors).toEqual([{ path: 'body.expectedVersion', message: 'required to change an existing cycle' }]);
    expect(await getCycle(2031)).toEqual(before);
  });

  it('refuses inherited keys in exemptions (400) instead of storing no exemptions', async () => {
    const admin = await tokens.admin();
    const year = Number(new Date().toLocaleString('en-US', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }));
    const before = await getCycle(year);
    const events = (await listAudit(`CYCLE#${year}`)).length;
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const res = await api('PATCH', `/v1/cycles/${year}`, {
        token: admin,
        rawBody: `{"notApplicable":{"${key}":["3"]},"reason":"x","expectedVersion":${before!.version}}`,
        headers: { 'content-type': 'application/json' },
      });
      expect([res.status, res.body.code], key).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.errors[0].message, key).toContain(key);
    }
    expect(await getCycle(year)).toEqual(before);
    expect(before?.notApplicable.TTT).toEqual(['3', '7.3']);
    expect(await listAudit(`CYCLE#${year}`)).toHaveLength(events);
  });
});

describe('framework versions', () => {
  it('requires expectedVersion to replace a framework, and refuses a stale one', async () => {
    const admin = await tokens.admin();
    const body = draftFramework('commune-test-v');
    expect((await api('PUT', '/v1/frameworks/commune-test-v', { token: admin, body })).status).toBe(200);
    const missing = await api('PUT', '/v1/frameworks/commune-test-v', { token: admin, body: { ...body, name: 'Đổi tên' } });
    expect([missing.status, missing.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(missing.body.errors).toEqual([{ path: 'body.expectedVersion', message: 'required to change an existing framework' }]);
    const stale = await api('PUT', '/v1/frameworks/commune-test-v', {
      token: admin,
      body: { ...body, name: 'Đổi tên', expectedVersion: 7 },
    });
    expect([stale.status, stale.body.code]).toEqual([409, 'VERSION_CONFLICT']);
    expect((await getFramework('commune-test-v'))?.framework.name).toBe(body.name);
    const ok = await api('PUT', '/v1/frameworks/commune-test-v', { token: admin, body: { ...body, name: 'Đổi tên', expectedVersion: 1 } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    expect(await getFramework('commune-test-v')).toMatchObject({ version: 2, framework: { name: 'Đổi tên' } });
    expect((await listAudit('FRAMEWORK#commune-test-v')).map((e) => e.action)).toEqual(['framework.replaced', 'framework.created']);
  });
});

describe('seeding', () => {
  it('is idempotent: a second run writes nothing', async () => {
    expect(await seed()).toEqual({ units: 0, frameworks: 0, surveys: 0 });
  });
});
