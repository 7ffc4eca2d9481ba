/** Test client: real HTTP to the local adapter, tokens signed like `par token`, store read-backs. */
import { inject } from 'vitest';
import type { TokenRequest } from '../../infra/local/jwt.ts';

const env = inject('runtimeEnv');
Object.assign(process.env, env);
process.env.PAR_LOCAL_DIR = inject('localDir');

export const apiUrl = inject('apiUrl');

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export async function api<T = any>(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${apiUrl}${path}`, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, headers: res.headers, body: parsed as T };
}

export async function token(request: TokenRequest): Promise<string> {
  const { signToken } = await import('../../infra/local/jwt.ts');
  return signToken(request);
}

export const tokens = {
  admin: () => token({ role: 'admin' }),
  council: () => token({ role: 'council' }),
  unit: (unitId: string) => token({ role: 'unit', unitId }),
  appraiser: (unitId: string, areas = '*', district?: string) => token({ role: 'appraiser', unitId, areas, district }),
};
