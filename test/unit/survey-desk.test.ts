/** The survey desk's small pure parts: the line count before an import, answer links, the local throttle. */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { countCsvLines } from '../../shared/app/surveys/ingestion/line-count.ts';
import { answerLinks, consoleOrigin } from '../../shared/app/surveys/answer-links.ts';
import { PublicThrottle } from '../../infra/local/public-throttle.ts';
import { ProgressReporter } from '../../shared/app/surveys/ingestion/progress.ts';

const count = (...chunks: string[]) => countCsvLines(Readable.from(chunks.map((c) => Buffer.from(c, 'utf8'))));

describe('countCsvLines', () => {
  it('counts LF, CRLF and CR line ends, with or without a final one, across chunk boundaries', async () => {
    expect(await count('')).toBe(0);
    expect(await count('a,b\n1,2\n')).toBe(2);
    expect(await count('a,b\n1,2')).toBe(2);
    expect(await count('a,b\r', '\n1,2\r\n3,4')).toBe(3);
    expect(await count('a,b\r1,2\r')).toBe(2);
    expect(await count('a\r\r\nb')).toBe(3);
    // A quoted line break is a line, as the row report numbers it.
    expect(await count('a\n"x\ny"\n')).toBe(3);
  });
});

describe('answer links', () => {
  it('puts each code on the console origin answer page', () => {
    expect(consoleOrigin({ CONSOLE_URL: 'https://cchc.example.vn/some/path' })).toBe('https://cchc.example.vn');
    expect(answerLinks(['AB12-CD34-EF56'], 'https://cchc.example.vn')).toEqual([
      { code: 'AB12-CD34-EF56', url: 'https://cchc.example.vn/tra-loi/AB12-CD34-EF56' },
    ]);
  });
});

describe('PublicThrottle', () => {
  it('lets a burst through, refuses past it, refills at the rate, per key', () => {
    let now = 0;
    const throttle = new PublicThrottle({ rateLimit: 2, burstLimit: 3 }, () => now);
    expect([1, 2, 3, 4].map(() => throttle.take('ip route'))).toEqual([true, true, true, false]);
    expect(throttle.take('other-ip route')).toBe(true);
    now = 500; // half a second at 2/s: one token back
    expect([throttle.take('ip route'), throttle.take('ip route')]).toEqual([true, false]);
  });
});

describe('ProgressReporter', () => {
  it('writes the counts every N rows, one write at a time, and settles before the import finishes', async () => {
    const saved: number[] = [];
    let release: () => void = () => undefined;
    const save = async (_ref: unknown, counts: { lines: number }) => {
      await new Promise<void>((r) => (release = r));
      saved.push(counts.lines);
    };
    const progress = new ProgressReporter({ year: 2181, surveyId: 's', importId: 'i' }, save, 3, 60_000);
    const counts = { lines: 0, accepted: 0, duplicates: 0, rejectedCount: 0 };
    for (let line = 1; line <= 7; line++) progress.row({ ...counts, lines: line });
    release(); // the write started at line 3; lines 6 found it still in flight and waited
    await progress.settled();
    expect(saved).toEqual([3]);
    for (let line = 8; line <= 10; line++) progress.row({ ...counts, lines: line });
    release();
    await progress.settled();
    expect(saved).toEqual([3, 8]);
  });
});
