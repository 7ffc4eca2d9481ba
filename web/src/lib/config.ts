/**
 * What the console learns at run time: `/config.json` (CDK writes it next to the files in the
 * cloud; the local runtime answers it). The development sign-in exists only when the local
 * runtime's `/local/config` says so: in the cloud that path is not served.
 */
export type AuthConfig = { kind: 'local' } | { kind: 'cognito'; authority: string; domainUrl: string; clientId: string };

export interface ConsoleConfig {
  apiUrl: string;
  auth: AuthConfig;
}

export interface DevUser {
  id: string;
  label: string;
  role: string;
  unitId?: string;
}

let loaded: ConsoleConfig | undefined;

export async function loadConfig(): Promise<ConsoleConfig> {
  if (loaded) return loaded;
  const res = await fetch('/config.json', { cache: 'no-store' });
  if (!res.ok) throw new Error(`config.json: ${res.status}`);
  loaded = (await res.json()) as ConsoleConfig;
  return loaded;
}

export function config(): ConsoleConfig {
  if (!loaded) throw new Error('config not loaded');
  return loaded;
}

export async function devUsers(): Promise<DevUser[] | undefined> {
  try {
    const res = await fetch('/local/config', { cache: 'no-store' });
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json')) return undefined;
    const body = (await res.json()) as { devSignIn?: boolean; users?: DevUser[] };
    return body.devSignIn ? body.users : undefined;
  } catch {
    return undefined;
  }
}
