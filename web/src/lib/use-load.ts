import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Problem } from './problems';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; problem?: Problem } | { state: 'ready'; value: T };

/** Loads on mount and when `deps` change; `reload` refetches. A refusal keeps its problem for the page. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [Loaded<T>, () => void, (v: T) => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const run = useCallback(() => {
    load().then(
      (value) => setLoaded({ state: 'ready', value }),
      (problem: unknown) => setLoaded({ state: 'error', problem: isProblem(problem) ? problem : undefined }),
    );
  }, deps);
  useEffect(run, [run]);
  return [loaded, run, (value: T) => setLoaded({ state: 'ready', value })];
}

export function isProblem(x: unknown): x is Problem {
  return typeof x === 'object' && x !== null && 'code' in x && 'status' in x;
}

/** openapi-fetch answers `{data, error}`; this turns an error into a rejection with the problem. */
export async function must<T>(call: Promise<{ data?: T; error?: unknown }>): Promise<T> {
  const { data, error } = await call;
  if (data === undefined) throw error ?? new Error('no data');
  return data;
}
