/**
 * Long work (imports, computation, publication, the yearly run) as the API reports it. The page
 * keeps nothing but the operation's id, which belongs in the URL (e.g. `?lan-nhap=ID`): after a
 * reload the same `load` is called again and the bar continues where the server is. `useProgress`
 * polls until `read` says the work has finished; `ProgressBar` shows it (a real <progress> when a
 * count is known, announced politely to screen readers).
 *
 *   const work = useProgress(() => must(api().GET(...)), (r) => ({ done: r.rowsRead, total: r.rows, finished: r.status !== 'running' }));
 *   <ProgressBar label="Nhập dữ liệu khảo sát" state={work.state} />
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { fmtNumber, fmtPercent } from '../lib/format';
import { problemText, type Problem } from '../lib/problems';
import { isProblem } from '../lib/use-load';

export interface ProgressState {
  /** Units of work done, and of how many (unknown: an indeterminate bar). */
  done?: number;
  total?: number;
  /** What is happening now, in Vietnamese ("Đang tính kết quả", a state name…). */
  step?: string;
  finished: boolean;
  /** Nothing runs yet, but work may start (a scheduled run): keep reading, show no bar movement. */
  waiting?: boolean;
  /** Why it failed, in Vietnamese; a failed run is finished too. */
  failed?: string;
}

export interface Progress<T> {
  value?: T;
  state?: ProgressState;
  problem?: Problem;
  /** Reads again now (after starting the work, or on the user's request). */
  refresh: () => void;
}

/** Reads `load` now and every `everyMs` until the work has finished; `key` restarts it (another id). */
export function useProgress<T>(
  load: () => Promise<T>,
  read: (value: T) => ProgressState,
  options: { everyMs?: number; key?: unknown } = {},
): Progress<T> {
  const [result, setResult] = useState<{ value?: T; state?: ProgressState; problem?: Problem }>({});
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const value = await loadRef.current();
        if (stopped) return;
        const state = read(value);
        setResult({ value, state });
        if (!state.finished) timer = setTimeout(poll, options.everyMs ?? 2000);
      } catch (error) {
        if (!stopped) setResult((r) => ({ ...r, problem: isProblem(error) ? error : undefined }));
      }
    };
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [options.key, tick]);
  return { ...result, refresh: () => setTick((t) => t + 1) };
}

export function ProgressBar({ label, state, problem }: { label: string; state?: ProgressState; problem?: Problem }) {
  if (problem)
    return (
      <p class="error" role="alert">
        {label}: {problemText(problem)}
      </p>
    );
  if (!state) return <p class="muted">{label}: đang đọc trạng thái…</p>;
  const counted = state.total !== undefined && state.total > 0 && state.done !== undefined;
  const status = state.failed
    ? `Thất bại: ${state.failed}`
    : state.finished
      ? 'Đã xong'
      : state.waiting
        ? 'Đang chờ'
        : counted
          ? `${fmtNumber(state.done)}/${fmtNumber(state.total)} (${fmtPercent(state.done!, state.total!)})`
          : 'Đang chạy…';
  return (
    <div class={`long-work${state.failed ? ' failed' : ''}`}>
      <label>
        {label}
        {state.finished ? <progress max={1} value={1} /> : counted ? <progress max={state.total} value={state.done} /> : <progress />}
      </label>
      <p role="status" aria-live="polite">
        {state.step ? `${state.step} · ` : ''}
        {status}
      </p>
    </div>
  );
}
