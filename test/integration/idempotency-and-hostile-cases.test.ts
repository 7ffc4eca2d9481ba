/**
 * The cases of issue 10 the generic HTTP layer answers, each read back: Idempotency-Key honoured
 * on PUT and PATCH (replay, payload mismatch) or refused where a replay store must not exist,
 * canonical path and query numbers, and the hostile bodies reproduced against main.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { routeList } from '../../shared/routes.ts';
import { listAudit } from '../../shared/store/audit.ts';
import { assessmentAuditSubject } from '../../shared/store/entities/assessment-header.ts';
import { api, apiUrl, tokens } from '../support/api.ts';
import { cycleDeadlines } from '../support/assessment-helpers.ts';
import { pathOf, sampleBody, tokenFor } from '../support/hostile.ts';
import { storeSnapshot } from '../support/store-counts.ts';

const year = 2075;
const unitId = 'SKHDT';
const item = `/v1/cycles/${year}/units/${unitId}/assessment/items/1.1.1`;
const leafEvents = async () => (await listAudit(assessmentAuditSubject(year, unitId))).filter((e) => e.target === '1.1.1');

beforeAll(async () => {
  const opened = await api('POST', '/v1/cycles', {
    token: await tokens.admin(),
    body: { year, frameworks: { department: 'department-2024' }, deadlines: cycleDeadlines(year), notApplicable: { SNV: ['3'] } },
  });
  expect(opened.status).toBe(201);
});

describe('Idempotency-Key: honoured or refused on every mutating route', () => {
  it('a PUT replays its first answer for the same key and refuses the key with another body', async () => {
    const clerk = await tokens.unit(unitId);
    const headers = { 'idempotency-key': 'score-1.1.1-a' };
    const first = await api('PUT', item, { token: clerk, headers, body: { selfScore: 0.5 } });
    expect(first.status).toBe(200);
    const other = await api('PUT', item, { token: clerk, headers, body: { selfScore: 0.25 } });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_PAYLOAD_MISMATCH');
    const replay = await api('PUT', item, { token: clerk, headers, body: { selfScore: 0.5 } });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    const stored = await api('GET', `/v1/cycles/${year}/units/${unitId}/assessment`, { token: clerk });
    expect(stored.body.items.find((i: { code: string }) => i.code === '1.1.1')).toMatchObject({ selfScore: 0.5, version: 1 });
    expect(await leafEvents()).toHaveLength(1);
  });

  it('PATCH of a cycle honours the key too', async () => {
    const admin = await tokens.admin();
    const cycle = (await api('GET', `/v1/cycles/${year}`, { token: admin })).body;
    const headers = { 'idempotency-key': 'exempt-snv-7' };
    const body = { notApplicable: { SNV: ['3', '7'] }, reason: 'Miễn trừ lĩnh vực 7', expectedVersion: cycle.version };
    const first = await api('PATCH', `/v1/cycles/${year}`, { token: admin, headers, body });
    expect(first.status).toBe(200);
    const replay = await api('PATCH', `/v1/cycles/${year}`, { token: admin, headers, body });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const mismatch = await api('PATCH', `/v1/cycles/${year}`, { token: admin, headers, body: { ...body, reason: 'Lý do khác hẳn' } });
    expect(mismatch.body.code).toBe('IDEMPOTENCY_PAYLOAD_MISMATCH');
    const after = (await api('GET', `/v1/cycles/${year}`, { token: admin })).body;
    expect(after).toMatchObject({ version: cycle.version + 1, notApplicable: { SNV: ['3', '7'] } });
  });

  it('every mutating route is idempotent except invitations, the public response and the annex import (which stores nothing): they refuse the header and write nothing', async () => {
    const mutating = routeList.filter((r) => r.method !== 'GET');
    expect(mutating.filter((r) => !r.idempotent).map((r) => r.id)).toEqual([
      'createSurveyInvitations',
      'submitSurveyResponse',
      'importFramework',
    ]);
    const before = await storeSnapshot();
    for (const route of mutating.filter((r) => !r.idempotent)) {
      const bearer = await tokenFor(route);
      const res = await api(route.method, pathOf(route.path, { year: String(year), surveyId: 'department-survey-2024' }), {
        ...(bearer ? { token: bearer } : {}),
        headers: { 'idempotency-key': 'once-only' },
        body: sampleBody(route),
      });
      expect(res.status, route.id).toBe(400);
      expect(res.body.code).toBe('IDEMPOTENCY_NOT_SUPPORTED');
    }
    expect(await storeSnapshot()).toEqual(before);
  }, 300_000);
});

describe('hostile requests reproduced from the issue', () => {
  it('path years and query numbers are canonical integers', async () => {
    const admin = await tokens.admin();
    for (const y of [`${year}.0`, `0${year}`, `${year}e0`, `+${year}`]) {
      const res = await api('GET', `/v1/cycles/${encodeURIComponent(y)}`, { token: admin });
      expect(res.status, y).toBe(400);
      expect(res.body.errors[0].path).toBe('path.year');
    }
    expect((await api('GET', `/v1/cycles/${year}`, { token: admin })).status).toBe(200);
    const page = await api('GET', `/v1/cycles/${year}/surveys/x/imports/00000000-0000-4000-8000-000000000000?after=01`, { token: admin });
    expect(page.status).toBe(400);
    expect(page.body.errors[0].path).toBe('query.after');
  });

  it('a body nested 5,000 levels deep answers 400 on the public route, not a stack overflow', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const res = await api('POST', '/v1/public/surveys/department-survey-2024/responses', {
      headers: { 'content-type': 'application/json' },
      rawBody: `{"code":"ABCD-EFGH","answers":{"Q1":${deep}}}`,
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'BODY_TOO_DEEP', errors: [{ path: expect.stringMatching(/^body\.answers/) }] });
  });

  it('invalid UTF-8, lone surrogates and numbers that underflow or overflow are refused with the field, and nothing is stored', async () => {
    const clerk = await tokens.unit(unitId);
    const send = (body: Buffer | string) =>
      fetch(`${apiUrl}${item}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${clerk}`, 'content-type': 'application/json' },
        body,
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { code: string; errors: { path: string; message: string }[] } }));
    const before = await leafEvents();
    const badUtf8 = await send(Buffer.concat([Buffer.from('{"selfScore":0.5,"note":"Ghi '), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]));
    expect(badUtf8).toMatchObject({ status: 400, body: { code: 'INVALID_ENCODING' } });
    const surrogate = await send('{"selfScore":0.5,"note":"x\\ud800y"}');
    expect(surrogate).toMatchObject({ status: 400, body: { code: 'INVALID_ENCODING', errors: [{ path: 'body.note' }] } });
    const tiny = await send('{"selfScore":1e-400}');
    expect(tiny).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ path: 'body.selfScore' }] } });
    expect(tiny.body.errors[0]!.message).toContain('too small');
    const huge = await send('{"selfScore":0.5,"figure":1e400}');
    expect(huge.body.errors).toEqual([{ path: 'body.figure', message: 'the number 1e400 is too large (it would become Infinity)' }]);
    const stored = await api('GET', `/v1/cycles/${year}/units/${unitId}/assessment`, { token: clerk });
    expect(stored.body.items.find((i: { code: string }) => i.code === '1.1.1')).toMatchObject({ selfScore: 0.5, version: 1 });
    expect(await leafEvents()).toHaveLength(before.length);
  });

  it('an inherited key in an exemption map is refused with its path; the exemptions stay as they were', async () => {
    const admin = await tokens.admin();
    const cycle = (await api('GET', `/v1/cycles/${year}`, { token: admin })).body;
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const res = await api('PATCH', `/v1/cycles/${year}`, {
        token: admin,
        headers: { 'content-type': 'application/json' },
        rawBody: `{"notApplicable":{"${key}":["3"]},"reason":"x","expectedVersion":${cycle.version}}`,
      });
      expect(res.status, key).toBe(400);
      expect(res.body.errors).toContainEqual({ path: `body.notApplicable.${key}`, message: `the key "${key}" is not allowed` });
    }
    expect((await api('GET', `/v1/cycles/${year}`, { token: admin })).body).toEqual(cycle);
  });
});
