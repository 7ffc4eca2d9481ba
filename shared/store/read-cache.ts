/**
 * A short-lived cache for reference reads (cycle, unit) on read-only paths of a warm function.
 * Writes never use it: deadlines and states that decide a write are always read fresh.
 */
const entries = new Map<string, { until: number; value: Promise<unknown> }>();

export function cachedRead<T>(key: string, ttlMs: number, load: () => Promise<T>, now = Date.now()): Promise<T> {
  const hit = entries.get(key);
  if (hit && hit.until > now) return hit.value as Promise<T>;
  const value = load();
  entries.set(key, { until: now + ttlMs, value });
  // A failed load is not remembered.
  value.catch(() => entries.delete(key));
  if (entries.size > 1000) entries.delete(entries.keys().next().value as string);
  return value;
}

export function clearReadCache(): void {
  entries.clear();
}
