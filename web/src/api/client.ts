/**
 * The typed API client: paths and bodies from the generated schema (web/src/api/schema.d.ts), so
 * the console and the API cannot drift. Adds the ID token; a 401 ends the session and sends the
 * user to sign-in (drafts stay in sessionStorage; sign-in brings them back to the same page).
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { config } from '../lib/config';
import { clearSession, currentSession, rememberReturn } from '../lib/session';

export type Schemas = components['schemas'];
export type Assessment = Schemas['Assessment'];
export type AssessmentItem = Schemas['AssessmentItem'];
export type Framework = Schemas['Framework'];

let onSignedOut: () => void = () => undefined;
export function whenSignedOut(callback: () => void): void {
  onSignedOut = callback;
}

export function signOutToSignIn(): void {
  rememberReturn(location.pathname + location.search);
  clearSession();
  onSignedOut();
}

const auth: Middleware = {
  onRequest({ request }) {
    const s = currentSession();
    if (s) request.headers.set('authorization', `Bearer ${s.token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) signOutToSignIn();
    return response;
  },
};

let client: ReturnType<typeof createClient<paths>> | undefined;

export function api() {
  if (!client) {
    client = createClient<paths>({ baseUrl: config().apiUrl });
    client.use(auth);
  }
  return client;
}

export const idempotencyKey = () => crypto.randomUUID();
