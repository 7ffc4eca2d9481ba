/**
 * The local stand-in for one Lambda invocation: a child process that loads a handler module,
 * calls it with the event it receives over IPC and a Context counting down from the function's
 * timeout, reports the outcome and exits. Run by infra/local/s3-events.ts; a crash, an OOM or a
 * kill ends only this process, as in Lambda, and the dispatcher retries.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { projectRoot } from './paths.ts';

export interface InvokeMessage {
  handler: string;
  functionName: string;
  event: unknown;
  timeoutMs: number;
  memoryMb: number;
}

type Handler = (event: unknown, context: Context) => Promise<unknown>;

process.once('message', (message: InvokeMessage) => {
  void run(message).then(
    (result) => process.send?.({ ok: true, result }, () => process.exit(0)),
    (error: unknown) => {
      const e = error as Error;
      process.send?.({ ok: false, error: { name: e?.name, message: e?.message, stack: e?.stack } }, () => process.exit(1));
    },
  );
});

async function run(message: InvokeMessage): Promise<unknown> {
  const started = Date.now();
  const requestId = randomUUID();
  const context = {
    awsRequestId: requestId,
    functionName: message.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${message.functionName}`,
    memoryLimitInMB: String(message.memoryMb),
    logGroupName: `/aws/lambda/${message.functionName}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => Math.max(0, message.timeoutMs - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  } as Context;
  const module = (await import(pathToFileURL(join(projectRoot, message.handler)).href)) as { handler?: Handler };
  if (typeof module.handler !== 'function') throw new Error(`${message.handler} exports no handler`);
  return module.handler(message.event, context);
}
