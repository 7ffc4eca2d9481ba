/**
 * The local stand-in for the Cognito JWT authorizer: RS256 tokens signed with a key kept under
 * `.local/`, checked for signature, issuer, audience (or client_id, as Cognito access tokens carry)
 * and expiry, exactly the checks API Gateway makes before a Lambda runs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import { claimNames, type Role } from '../../shared/domain/roles.ts';
import { localDir } from './paths.ts';

export const localIssuer = 'http://127.0.0.1/par-local-user-pool';
export const localClientId = 'par-local-client';

interface KeyFile {
  privateJwk: JWK;
  publicJwk: JWK;
}

async function keyFile(): Promise<KeyFile> {
  const path = join(localDir('keys'), 'jwt-signing-key.json');
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const keys: KeyFile = { privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
  // `wx`: two processes racing to create the key keep the first one.
  try {
    writeFileSync(path, JSON.stringify(keys), { flag: 'wx', mode: 0o600 });
  } catch {
    return JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
  }
  return keys;
}

export interface TokenRequest {
  role: Role | string;
  unitId?: string;
  areas?: string;
  district?: string;
  username?: string;
  expiresIn?: string;
}

export async function signToken(request: TokenRequest): Promise<string> {
  const { privateJwk } = await keyFile();
  const key = await importJWK(privateJwk, 'RS256');
  const username = request.username ?? `${request.role}${request.unitId ? `-${request.unitId}` : ''}`;
  const claims: JWTPayload = {
    [claimNames.groups]: [request.role],
    'cognito:username': username,
    token_use: 'id',
    ...(request.unitId ? { [claimNames.unitId]: request.unitId } : {}),
    ...(request.areas ? { [claimNames.areas]: request.areas } : {}),
    ...(request.district ? { [claimNames.district]: request.district } : {}),
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'local' })
    .setIssuer(localIssuer)
    .setAudience(localClientId)
    .setSubject(`local-${username}`)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '12h')
    .sign(key);
}

export type Verifier = (token: string) => Promise<Record<string, unknown>>;

export async function createVerifier(): Promise<Verifier> {
  const { publicJwk } = await keyFile();
  const key = await importJWK(publicJwk, 'RS256');
  // Like API Gateway, verify a token once and trust it until it expires (bounded, so memory stays flat).
  const verified = new Map<string, Record<string, unknown>>();
  return async (token) => {
    const known = verified.get(token);
    if (known && typeof known.exp === 'number' && known.exp * 1000 > Date.now()) return known;
    const { payload } = await jwtVerify(token, key, { issuer: localIssuer, algorithms: ['RS256'] });
    const audienceOk =
      payload.aud === localClientId ||
      (Array.isArray(payload.aud) && payload.aud.includes(localClientId)) ||
      payload.client_id === localClientId;
    if (!audienceOk) throw new Error('token audience does not match the app client');
    if (verified.size >= 1000) verified.delete(verified.keys().next().value as string);
    verified.set(token, payload as Record<string, unknown>);
    return payload as Record<string, unknown>;
  };
}
