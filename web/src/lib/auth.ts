/**
 * Signing in. Locally: the runtime's development sign-in signs a seeded user's token with the
 * local key. In the cloud: Cognito managed login, authorization code + PKCE (oidc-client-ts,
 * loaded only when needed so the first screen stays small); the ID token goes to the API.
 */
import { config } from './config';
import { saveSession, clearSession, type Session } from './session';

export async function devSignIn(userId: string, expiresInSeconds?: number): Promise<Session> {
  const res = await fetch('/local/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: userId, ...(expiresInSeconds ? { expiresInSeconds } : {}) }),
  });
  if (!res.ok) throw new Error(`sign-in: ${res.status}`);
  const { token } = (await res.json()) as { token: string };
  return saveSession(token);
}

async function userManager() {
  const auth = config().auth;
  if (auth.kind !== 'cognito') throw new Error('not a Cognito console');
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  return new UserManager({
    authority: auth.authority,
    client_id: auth.clientId,
    redirect_uri: `${location.origin}/auth/callback`,
    post_logout_redirect_uri: `${location.origin}/`,
    response_type: 'code',
    scope: 'openid email profile',
    userStore: new WebStorageStateStore({ store: sessionStorage }),
    // Cognito's logout is not the OIDC end_session endpoint: it lives on the managed login domain.
    metadataSeed: { end_session_endpoint: `${auth.domainUrl}/logout` },
  });
}

export async function cognitoSignIn(): Promise<void> {
  await (await userManager()).signinRedirect();
}

export async function cognitoCallback(): Promise<Session> {
  const user = await (await userManager()).signinRedirectCallback();
  if (!user.id_token) throw new Error('no ID token');
  return saveSession(user.id_token);
}

export async function signOut(): Promise<void> {
  clearSession();
  const auth = config().auth;
  if (auth.kind === 'cognito') {
    const um = await userManager();
    await um.removeUser();
    location.assign(
      `${auth.domainUrl}/logout?client_id=${encodeURIComponent(auth.clientId)}&logout_uri=${encodeURIComponent(`${location.origin}/`)}`,
    );
  }
}
