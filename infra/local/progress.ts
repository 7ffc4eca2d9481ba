/**
 * Progress of long local runs (`npm run cycle`): the phase, units done of total and the time
 * elapsed. On a terminal one line that updates in place; otherwise (CI, a file) plain lines, at
 * most one per `everyMs` per phase plus its last, so a log stays short but never silent for long.
 */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Progress {
  /** A new phase with `total` units (or none: a phase without a count, such as a state); its clock starts now or at `since`. */
  phase(name: string, total?: number, since?: number): void;
  /** `n` more units of the phase done. */
  tick(n?: number): void;
  /** A line of its own (the updating line is redrawn under it). */
  line(text: string): void;
  /** Ends the phase: its final count and time. */
  done(summary?: string): void;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function createProgress(stream: ProgressStream = process.stdout, { everyMs = 5000, now = () => Date.now() } = {}): Progress {
  const tty = stream.isTTY === true;
  let name = '';
  let total: number | undefined;
  let count = 0;
  let started = now();
  let printed = 0;
  let printedCount = -1;
  let live = false;
  const status = () => `${name}${total === undefined ? '' : `: ${count}/${total} units`} (${seconds(now() - started)})`;
  const clear = () => {
    if (live) stream.write('\r\x1b[2K');
    live = false;
  };
  const draw = () => {
    if (!name) return;
    if (tty) {
      stream.write(`\r\x1b[2K${status()}`);
      live = true;
    } else if (now() - printed >= everyMs) {
      stream.write(`${status()}\n`);
      printed = now();
      printedCount = count;
    }
  };
  return {
    phase(next, units, since) {
      clear();
      name = next;
      total = units;
      count = 0;
      started = since ?? now();
      printed = -Infinity;
      printedCount = -1;
      draw();
    },
    tick(n = 1) {
      count += n;
      draw();
    },
    line(text) {
      clear();
      stream.write(`${text}\n`);
      if (tty) draw();
    },
    done(summary) {
      clear();
      // A plain log already shows this very count unless a summary adds to it.
      if (name && (tty || summary || printedCount !== count)) stream.write(`${status()}${summary ? `: ${summary}` : ''}\n`);
      name = '';
    },
  };
}
