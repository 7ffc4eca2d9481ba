import { describe, expect, it } from 'vitest';
import { createProgress } from '../../infra/local/progress.ts';

function recorder(isTTY: boolean) {
  const out: string[] = [];
  let t = 0;
  const clock = { now: () => t, advance: (ms: number) => (t += ms) };
  return { out, clock, stream: { isTTY, write: (s: string) => out.push(s) } };
}

describe('progress of long runs', () => {
  it('on a terminal: one line rewritten in place with phase, units done of total and elapsed time', () => {
    const { out, clock, stream } = recorder(true);
    const p = createProgress(stream, { now: clock.now });
    p.phase('self-assessment', 184);
    clock.advance(1500);
    p.tick(3);
    expect(out.at(-1)).toBe('\r\x1b[2Kself-assessment: 3/184 units (1.5 s)');
    p.line('a message');
    expect(out.slice(-3)).toEqual(['\r\x1b[2K', 'a message\n', '\r\x1b[2Kself-assessment: 3/184 units (1.5 s)']);
    p.done('submitted');
    expect(out.at(-1)).toBe('self-assessment: 3/184 units (1.5 s): submitted\n');
    expect(out.join('').split('\n')).toHaveLength(3); // only the message and the final line end a line
  });

  it('elsewhere: plain lines, at most one per interval, and the last', () => {
    const { out, clock, stream } = recorder(false);
    const p = createProgress(stream, { everyMs: 5000, now: clock.now });
    p.phase('appraisal', 10);
    for (let i = 0; i < 10; i++) {
      clock.advance(1000);
      p.tick();
    }
    p.done();
    expect(out).toEqual(['appraisal: 0/10 units (0.0 s)\n', 'appraisal: 5/10 units (5.0 s)\n', 'appraisal: 10/10 units (10.0 s)\n']);
    expect(out.join('')).not.toContain('\r');
  });
});
