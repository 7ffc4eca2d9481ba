/** Typed text kept per field in sessionStorage until it is saved: a 401 or a reload loses nothing. */
const prefix = 'par.draft.';

export function readDraft<T>(id: string): T | undefined {
  const raw = sessionStorage.getItem(prefix + id);
  return raw ? (JSON.parse(raw) as T) : undefined;
}

export function writeDraft(id: string, value: unknown): void {
  sessionStorage.setItem(prefix + id, JSON.stringify(value));
}

export function dropDraft(id: string): void {
  sessionStorage.removeItem(prefix + id);
}
