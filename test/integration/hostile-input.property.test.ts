/**
 * Hostile input against the whole route table (issue 10): every route, with a token of one of its
 * roles so the request reaches validation, gets a body that its schema would accept spoiled at a
 * random place (reserved keys, deep nesting, bytes that are not UTF-8, lone surrogates, numbers
 * that underflow or overflow), or a path or query parameter that is not canonical. Each answers
 * 400 with a stable code naming the hostile part, and the table and buckets hold exactly as many
 * items and objects afterwards as before.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeList } from '../../shared/routes.ts';
import { apiUrl } from '../support/api.ts';
import { containers, hostilePart, pathOf, sampleBody, sampleParams, spoil, tokenFor, type Hostile } from '../support/hostile.ts';
import { storeSnapshot } from '../support/store-counts.ts';

const tokens = new Map<string, string | undefined>();
beforeAll(async () => {
  for (const route of routeList) tokens.set(route.id, await tokenFor(route));
});

async function send(route: (typeof routeList)[number], path: string, body?: Buffer) {
  const headers: Record<string, string> = {};
  const bearer = tokens.get(route.id);
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  if (body) headers['content-type'] = 'application/json';
  // GET may carry no body in fetch: the hostile body goes to the mutating routes.
  const res = await fetch(`${apiUrl}${path}`, { method: route.method, headers, body: route.method === 'GET' ? undefined : body });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as { code?: string; errors?: { path: string; message: string }[] } };
}

const expectedCode: Record<Hostile['kind'], string> = {
  'reserved-key': 'VALIDATION_FAILED',
  deep: 'BODY_TOO_DEEP',
  'bad-utf8': 'INVALID_ENCODING',
  'lone-surrogate': 'INVALID_ENCODING',
  number: 'VALIDATION_FAILED',
};

const byId = (id: string) => routeList.find((r) => r.id === id)!;
const writing = routeList.filter((r) => r.method !== 'GET');

describe('hostile input over the whole route table', () => {
  it('every sample body is one its route accepts, so only the hostile part can be refused', () => {
    for (const route of routeList) {
      if (!route.body) continue;
      const parsed = route.body.safeParse(sampleBody(route));
      expect(parsed.success, `${route.id}: ${JSON.stringify(parsed.error?.issues.slice(0, 2))}`).toBe(true);
    }
  });

  it('refuses spoiled bodies with 400 and a code naming the hostile part, and writes nothing', async () => {
    const before = await storeSnapshot();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writing.map((r) => r.id)), hostilePart, fc.nat(), async (id, hostile, pick) => {
        const route = byId(id);
        const body = sampleBody(route);
        const places = containers(body);
        const place = places[pick % places.length]!;
        const res = await send(route, pathOf(route.path), spoil(body, place, hostile));
        expect(res.status, `${route.id} ${hostile.kind}`).toBe(400);
        expect(res.body.code).toBe(expectedCode[hostile.kind]);
        if (hostile.kind === 'reserved-key') {
          expect(
            res.body.errors?.some(
              (e) => (e.path.endsWith(`.${hostile.key}`) || e.path.endsWith(`["${hostile.key}"]`)) && e.message.includes('not allowed'),
            ),
          ).toBe(true);
        }
        if (hostile.kind === 'number') expect(res.body.errors?.[0]?.message).toMatch(/too (large|small)/);
      }),
      { numRuns: 150 },
    );
    expect(await storeSnapshot()).toEqual(before);
  }, 300_000);

  it('refuses non-canonical path numbers, reserved names and damaged text in path and query, and writes nothing', async () => {
    const before = await storeSnapshot();
    const badYear = fc.constantFrom('2071.0', '02071', '2071 ', '+2071', '2e3', '0x81f', '2071e0', '２０７１');
    const badId = fc.constantFrom('__proto__', 'constructor', 'prototype');
    const badQuery = fc.constantFrom('__proto__=1', 'constructor=x', 'prototype=', 'type=%FF', 'parent=%ED%A0%80', 'x=a%C0%AFb');
    const withParams = routeList.filter((r) => r.path.includes('{'));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routeList.map((r) => r.id)),
        fc.oneof(
          badYear.map((v) => ({ param: 'year', value: v })),
          badId.map((v) => ({ param: 'id', value: v })),
          badQuery.map((q) => ({ query: q })),
        ),
        async (id, bad) => {
          const route = byId(id);
          let path = pathOf(route.path);
          if ('query' in bad) path += `?${bad.query}`;
          else {
            const target =
              bad.param === 'year'
                ? 'year'
                : route.path
                    .match(/\{(\w+)\}/g)
                    ?.find((p) => p !== '{year}')
                    ?.slice(1, -1);
            if (!target || !route.path.includes(`{${target}}`) || !withParams.includes(route)) return; // nothing to spoil
            path = pathOf(route.path, { ...sampleParams, [target]: bad.value });
          }
          const sample = route.body ? Buffer.from(JSON.stringify(sampleBody(route))) : undefined;
          const res = await send(route, path, sample);
          expect(res.status, `${route.id} ${path}`).toBe(400);
          expect(res.body.code).toMatch(/^(VALIDATION_FAILED|INVALID_ENCODING)$/);
        },
      ),
      { numRuns: 150 },
    );
    // A path segment that decodes to no Unicode text at all is refused by the adapter, as API Gateway does.
    const route = routeList.find((r) => r.id === 'getUnit')!;
    const res = await send(route, '/v1/units/a%ED%A0%80b');
    expect(res).toMatchObject({ status: 400, body: { code: 'INVALID_ENCODING' } });
    expect(await storeSnapshot()).toEqual(before);
  }, 300_000);
});
