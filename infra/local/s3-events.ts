/**
 * S3 event notifications, locally: the S3 emulator emits an event for each PUT or POST upload;
 * this delivers it to the subscribed handler module (shared/events.ts, as the CDK stack wires it)
 * the way Lambda's asynchronous invocation does: each invocation in its own process with the
 * function's timeout, at most `reservedConcurrency` at a time, and a failed one (error, crash,
 * kill, timeout) retried `retryAttempts` times. Retry delays are shortened (Lambda waits about
 * 1 and 2 minutes).
 *
 * Running invocations are listed under `<dataDir>/lambda/running/` (pid, key, attempt), so a test
 * can kill one mid-way and watch the retry resume it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventEmitter } from 'node:events';
import { bucketSubscriptions, type BucketSubscription } from '../../shared/events.ts';
import { bucketDefinition } from '../../shared/store/resources.ts';
import type { InvokeMessage } from './lambda-invoke.ts';
import { projectRoot } from './paths.ts';

interface S3Record {
  eventName: string;
  s3: { bucket: { name: string }; object: { key: string } };
}

interface Delivery {
  subscription: BucketSubscription;
  /** An S3 notification, or a subscription's re-drive event. */
  event: { Records: S3Record[] } | Readonly<Record<string, unknown>>;
  attempt: number;
}

const keysOf = (event: Delivery['event']) =>
  Array.isArray(event.Records) ? (event.Records as S3Record[]).map((r) => r.s3.object.key) : [];

export interface EventDelivery {
  /** Resolves when nothing is queued or running (tests, benchmarks). */
  idle(): Promise<void>;
  /** Sends each subscription's re-drive event once now and, if `periodic`, on its period. */
  redrive(options?: { periodic?: boolean }): void;
  stop(): Promise<void>;
}

export const retryDelaysMs = [1_000, 2_000];

function matches(subscription: BucketSubscription, record: S3Record): boolean {
  const bucket = bucketDefinition(subscription.bucket).localName;
  const kind = record.eventName.split(':')[0];
  return (
    record.s3.bucket.name === bucket &&
    record.s3.object.key.startsWith(subscription.prefix) &&
    subscription.events.some((e) => e === `s3:${kind}:*`)
  );
}

/** S3 sends keys URL-encoded with "+" for spaces; the emulator sends them raw. */
const encodeKey = (key: string) => encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+');

/** `emulator`: the s3rver instance (a Koa app, so an EventEmitter, which its typings omit). */
export function deliverS3Events(emulator: unknown, options: { env: Record<string, string>; dataDir: string }): EventDelivery {
  const server = emulator as EventEmitter;
  const runningDir = join(options.dataDir, 'lambda', 'running');
  mkdirSync(runningDir, { recursive: true });
  const queues = new Map<string, Delivery[]>();
  const active = new Map<string, Set<ChildProcess>>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  let waiters: (() => void)[] = [];

  const busy = () => [...queues.values()].some((q) => q.length > 0) || [...active.values()].some((s) => s.size > 0) || timers.size > 0;
  const settle = () => {
    if (busy()) return;
    const w = waiters;
    waiters = [];
    w.forEach((resolve) => resolve());
  };

  function invoke(delivery: Delivery): Promise<boolean> {
    const { subscription } = delivery;
    const invocationId = randomUUID();
    const child = fork(join(projectRoot, 'infra/local/lambda-invoke.ts'), [], {
      cwd: projectRoot,
      env: { ...process.env, ...options.env, AWS_LAMBDA_FUNCTION_NAME: `par-local-${subscription.id}` },
      execArgv: ['--import', 'tsx', `--max-old-space-size=${subscription.maxOldSpaceMb ?? subscription.memoryMb}`],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const set = active.get(subscription.id) ?? new Set();
    active.set(subscription.id, set.add(child));
    const file = join(runningDir, `${invocationId}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        pid: child.pid,
        subscription: subscription.id,
        keys: keysOf(delivery.event),
        attempt: delivery.attempt,
      }),
    );
    const message: InvokeMessage = {
      handler: subscription.handler,
      functionName: `par-local-${subscription.id}`,
      event: delivery.event,
      timeoutMs: subscription.timeoutSeconds * 1000,
      memoryMb: subscription.memoryMb,
    };
    child.send(message);
    const timeout = setTimeout(() => child.kill('SIGKILL'), subscription.timeoutSeconds * 1000);
    let ok = false;
    child.on('message', (m: { ok: boolean; error?: { message?: string } }) => {
      ok = m.ok;
      if (!m.ok) console.error(`[${subscription.id}] invocation failed (attempt ${delivery.attempt + 1}): ${m.error?.message}`);
    });
    return new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        clearTimeout(timeout);
        set.delete(child);
        rmSync(file, { force: true });
        if (signal) console.error(`[${subscription.id}] invocation ended by ${signal} (attempt ${delivery.attempt + 1})`);
        resolve(ok && code === 0);
      });
    });
  }

  function pump(subscriptionId: string): void {
    const queue = queues.get(subscriptionId) ?? [];
    const running = active.get(subscriptionId)?.size ?? 0;
    const next = queue[0];
    if (stopped || !next || running >= (next.subscription.reservedConcurrency ?? Infinity)) return settle();
    queue.shift();
    void invoke(next).then((succeeded) => {
      if (!succeeded && !stopped && next.attempt < next.subscription.retryAttempts) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          enqueue({ ...next, attempt: next.attempt + 1 });
        }, retryDelaysMs[next.attempt] ?? 2_000);
        timers.add(timer);
      }
      pump(subscriptionId);
    });
    pump(subscriptionId);
  }

  function enqueue(delivery: Delivery): void {
    const queue = queues.get(delivery.subscription.id) ?? [];
    queues.set(delivery.subscription.id, queue);
    queue.push(delivery);
    pump(delivery.subscription.id);
  }

  const listener = (event: { Records: S3Record[] }) => {
    for (const record of event.Records ?? []) {
      for (const subscription of bucketSubscriptions.filter((s) => matches(s, record))) {
        const delivered = { ...record, s3: { ...record.s3, object: { ...record.s3.object, key: encodeKey(record.s3.object.key) } } };
        enqueue({ subscription, event: { Records: [delivered] }, attempt: 0 });
      }
    }
  };
  server.on('event', listener);

  const intervals = new Set<NodeJS.Timeout>();
  const sendRedrives = () => {
    for (const subscription of bucketSubscriptions) {
      if (subscription.redrive && !stopped) enqueue({ subscription, event: subscription.redrive.event, attempt: 0 });
    }
  };

  return {
    idle: () => (busy() ? new Promise((resolve) => waiters.push(resolve)) : Promise.resolve()),
    redrive: ({ periodic = false } = {}) => {
      sendRedrives();
      if (!periodic) return;
      for (const subscription of bucketSubscriptions) {
        if (!subscription.redrive) continue;
        const interval = setInterval(
          () => !stopped && enqueue({ subscription, event: subscription.redrive!.event, attempt: 0 }),
          subscription.redrive.everyMinutes * 60_000,
        );
        interval.unref();
        intervals.add(interval);
      }
    },
    stop: async () => {
      stopped = true;
      server.off('event', listener);
      intervals.forEach(clearInterval);
      timers.forEach(clearTimeout);
      timers.clear();
      const children = [...active.values()].flatMap((s) => [...s]);
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) =>
              child.exitCode !== null || child.signalCode ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')),
            ),
        ),
      );
      settle();
    },
  };
}
