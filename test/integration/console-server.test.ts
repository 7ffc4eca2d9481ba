/** The local runtime serves the console: files with a strict CSP, SPA fallback, config and the development sign-in. */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureConsoleBuilt } from '../../infra/local/console-build.ts';
import { api, apiUrl } from '../support/api.ts';

beforeAll(async () => {
  await ensureConsoleBuilt();
}, 120_000);

const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));

describe('the console in the local runtime', () => {
  it('serves index.html at / and for the console’s own routes, with security headers', async () => {
    for (const path of ['/', '/don-vi/X-BATRI-MY-HOA', '/tham-dinh?trangthai=submitted']) {
      const res = await fetch(`${apiUrl}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(await res.text()).toContain('<div id="app">');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
    }
  });

  it('answers 404 for a missing asset and keeps the API and OpenAPI where they were', async () => {
    expect((await fetch(`${apiUrl}/assets/nothing-here.js`)).status).toBe(404);
    const route = await api('GET', '/v1/nothing-here');
    expect(route.status).toBe(404);
    expect(route.body.code).toBe('ROUTE_NOT_FOUND');
    expect((await api('GET', '/openapi.json')).status).toBe(200);
  });

  it('tells the console it runs locally and lists the seeded users of the development sign-in', async () => {
    expect((await api('GET', '/config.json')).body).toEqual({ apiUrl: '', auth: { kind: 'local' } });
    const local = await api('GET', '/local/config');
    expect(local.body.devSignIn).toBe(true);
    const roles = local.body.users.map((u: any) => `${u.role}:${u.unitId ?? ''}`);
    expect(roles).toEqual(
      expect.arrayContaining([
        'admin:',
        'council:',
        'appraiser:SNV',
        'appraiser:STP',
        'appraiser:H-BATRI',
        'unit:SCT',
        'unit:H-BATRI',
        'unit:X-BATRI-MY-HOA',
      ]),
    );
  });

  it('signs a seeded user’s token that the API accepts, for 8 hours or the shorter time asked', async () => {
    const signed = await api('POST', '/local/sign-in', { body: { user: 'district-appraiser' } });
    expect(signed.status).toBe(200);
    const c = claims(signed.body.token);
    expect(c).toMatchObject({
      'cognito:groups': ['appraiser'],
      'custom:unitId': 'H-BATRI',
      'custom:district': 'H-BATRI',
      'custom:areas': '*',
    });
    expect(c.exp - c.iat).toBe(8 * 3600);
    expect((await api('GET', '/v1/units?type=district', { token: signed.body.token })).status).toBe(200);

    const short = await api('POST', '/local/sign-in', { body: { user: 'commune-clerk', expiresInSeconds: 5 } });
    expect(claims(short.body.token).exp - claims(short.body.token).iat).toBe(5);
    const tooLong = await api('POST', '/local/sign-in', { body: { user: 'commune-clerk', expiresInSeconds: 999_999 } });
    expect(claims(tooLong.body.token).exp - claims(tooLong.body.token).iat).toBe(8 * 3600);
  });

  it('refuses a user that is not on the list', async () => {
    const res = await api('POST', '/local/sign-in', { body: { user: 'root', role: 'admin' } });
    expect(res.status).toBe(400);
    expect(res.body.token).toBeUndefined();
  });
});
