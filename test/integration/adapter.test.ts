import { SignJWT, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { localClientId, localIssuer } from '../../infra/local/jwt.ts';
import { routeList } from '../../shared/routes.ts';
import { api, apiUrl, token, tokens } from '../support/api.ts';

async function foreignToken(overrides: { issuer?: string; audience?: string; expired?: boolean } = {}) {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT({ 'cognito:groups': ['admin'] })
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer(overrides.issuer ?? localIssuer)
    .setAudience(overrides.audience ?? localClientId)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
}

describe('the local HTTP adapter, as API Gateway with the Cognito authorizer', () => {
  it('answers 401 without a token, with a tampered, expired, foreign or wrong-audience token', async () => {
    expect((await api('GET', '/v1/units')).status).toBe(401);
    const good = await tokens.admin();
    const [h, p, s] = good.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    payload['cognito:groups'] = ['admin', 'council'];
    const tampered = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    const expired = await token({ role: 'admin', expiresIn: '-1m' });
    const wrongAudience = await (async () => {
      const { signToken } = await import('../../infra/local/jwt.ts');
      return signToken({ role: 'admin' }).then(async () => foreignToken({ audience: 'someone-else' }));
    })();
    for (const bad of [tampered, expired, await foreignToken(), wrongAudience, 'not-a-jwt']) {
      const res = await api('GET', '/v1/units', { token: bad });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
    expect((await api('GET', '/v1/units', { token: good })).status).toBe(200);
  });

  it('answers 403 to a valid token that carries no known role', async () => {
    const res = await api('GET', '/v1/units', { token: await token({ role: 'janitor' }) });
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/no known role/);
  });

  it('answers 404 for an unknown route and 405 with Allow for a wrong method', async () => {
    const t = await tokens.admin();
    expect((await api('GET', '/v1/nothing-here', { token: t })).status).toBe(404);
    const wrong = await api('DELETE', '/v1/units/SNV', { token: t });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, PUT');
  });

  it('answers a CORS preflight without a token', async () => {
    const res = await fetch(`${apiUrl}/v1/units`, {
      method: 'OPTIONS',
      headers: { origin: 'http://example.test', 'access-control-request-method': 'PUT' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/authorization/);
  });

  it('refuses a body above 10 MB with 413 before any handler runs', async () => {
    const res = await api('PUT', '/v1/units/X-BIG', {
      token: await tokens.admin(),
      rawBody: JSON.stringify({ type: 'commune', name: 'x'.repeat(10 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
  });

  it('serves an OpenAPI document with every route of the table, and the docs page', async () => {
    const doc = await api('GET', '/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    for (const route of routeList) {
      expect(doc.body.paths[route.path]?.[route.method.toLowerCase()]?.operationId).toBe(route.id);
    }
    const docs = await fetch(`${apiUrl}/docs`);
    expect(docs.status).toBe(200);
    const html = await docs.text();
    expect(html).toContain('/openapi.json');
    expect(html).not.toMatch(/https?:\/\/(cdn|unpkg|fonts)/);
  });
});
