/**
 * The signed-in user: the ID token (sent to the API) and the claims the console reads to choose
 * screens. The API decides what is allowed from the verified token; the console only adapts.
 * Kept in sessionStorage: a tab's session ends with the tab, and drafts survive a sign-in.
 */
export interface Session {
  token: string;
  expiresAt: number;
  username: string;
  roles: string[];
  unitId?: string;
  areas?: string;
  district?: string;
}

const key = 'par.session';
const returnKey = 'par.returnTo';

function decodeClaims(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

export function sessionFromToken(token: string): Session {
  const c = decodeClaims(token);
  const groups = c['cognito:groups'];
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return {
    token,
    expiresAt: typeof c.exp === 'number' ? c.exp * 1000 : 0,
    username: str(c['cognito:username']) ?? str(c.sub) ?? '',
    roles: Array.isArray(groups) ? groups.map(String) : typeof groups === 'string' ? [groups] : [],
    unitId: str(c['custom:unitId']),
    areas: str(c['custom:areas']),
    district: str(c['custom:district']),
  };
}

export function currentSession(): Session | undefined {
  const raw = sessionStorage.getItem(key);
  if (!raw) return undefined;
  const s = JSON.parse(raw) as Session;
  return s.expiresAt > Date.now() ? s : undefined;
}

export function saveSession(token: string): Session {
  const s = sessionFromToken(token);
  sessionStorage.setItem(key, JSON.stringify(s));
  return s;
}

export function clearSession(): void {
  sessionStorage.removeItem(key);
}

/** Remembers where the user was, so sign-in brings them back there. */
export function rememberReturn(path: string): void {
  if (!path.startsWith('/dang-nhap') && !path.startsWith('/auth/')) sessionStorage.setItem(returnKey, path);
}

export function takeReturn(): string {
  const path = sessionStorage.getItem(returnKey) ?? '/';
  sessionStorage.removeItem(returnKey);
  return path;
}

export const hasRole = (s: Session | undefined, role: string) => !!s?.roles.includes(role);
