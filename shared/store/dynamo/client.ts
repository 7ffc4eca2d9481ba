/**
 * A lean DynamoDB document client: the JSON protocol over node:https, signed with SigV4
 * (../aws/sigv4.ts), marshalled with @aws-sdk/util-dynamodb, retried like the SDK's standard
 * strategy (../aws/retry.ts: 4 attempts, jittered backoff, throttling and transient errors only).
 * Why not the SDK's DynamoDBClient + lib-dynamodb: they put ~200 KB into every function (the
 * generic Smithy schema/protocol runtime, event streams, endpoint rules and discovery) for the ten
 * operations the store uses; this file is what those operations need (issue 15).
 *
 * Errors keep the SDK's shape (`name` from `__type`, `message`, `$fault`, `$metadata`, the
 * error's own members such as `CancellationReasons`), so the store's checks read the same.
 * `middlewareStack.add` runs a function around every attempt (inside the retry loop), as the
 * SDK's deserialize step does: the fault-injection tests use it; nothing in the product does.
 */
import { tracingChannel } from 'node:diagnostics_channel';
import type { Agent } from 'node:http';
import { agentFor, fetchAll } from '../aws/http.ts';
import { withRetries, type AwsError } from '../aws/retry.ts';
import { environmentCredentials, environmentRegion, sha256Hex, signHeaders, type Scope } from '../aws/sigv4.ts';
import type { DocumentCommand } from './commands.ts';
import { jsonReplacer, jsonReviver, marshallInput, unmarshallOutput } from './marshalling.ts';

export interface ClientOptions {
  endpoint?: string;
  region?: string;
  maxAttempts?: number;
}

interface Attempt {
  input: unknown;
  request: { headers: Record<string, string> };
}
type Next = (args: Attempt) => Promise<{ output: unknown }>;
type Middleware = (next: Next, context: { commandName: string }) => Next;

/** Observers (the cost probe) subscribe to this channel; nothing is published when none listens. */
export const commandChannel = tracingChannel<unknown, { operation: string; input: unknown; result?: unknown }>('par:dynamodb:send');

export class DocumentClient {
  private readonly url: URL;
  private readonly region: string;
  private readonly maxAttempts: number;
  private readonly agent: Agent;
  private readonly middlewares: Middleware[] = [];

  readonly middlewareStack = { add: (middleware: Middleware, _options?: unknown) => void this.middlewares.push(middleware) };

  constructor(options: ClientOptions = {}) {
    this.region = options.region ?? environmentRegion();
    this.url = new URL(options.endpoint ?? `https://dynamodb.${this.region}.amazonaws.com/`);
    this.maxAttempts = options.maxAttempts ?? 4;
    this.agent = agentFor(this.url);
  }

  async send<C extends DocumentCommand<unknown, unknown>>(command: C): Promise<C['output']> {
    if (!commandChannel.hasSubscribers) return this.run(command);
    // The observer sees (and may add to) the input before it is sent, and the result after.
    return commandChannel.tracePromise(() => this.run(command), { operation: command.operation, input: command.input });
  }

  destroy(): void {
    this.agent.destroy();
  }

  private async run<C extends DocumentCommand<unknown, unknown>>(command: C): Promise<C['output']> {
    const body = JSON.stringify(marshallInput(command.input), jsonReplacer);
    const commandName = `${command.operation}Command`;
    const chain = this.middlewares.reduceRight<Next>(
      (next, mw) => mw(next, { commandName }),
      (args) => this.attempt(command.operation, body, args),
    );
    return withRetries(async (attempt) => {
      const args = { input: command.input, request: { headers: { 'amz-sdk-request': `attempt=${attempt}; max=${this.maxAttempts}` } } };
      const { output } = await chain(args);
      return unmarshallOutput(output) as C['output'];
    }, this.maxAttempts);
  }

  private async attempt(operation: string, body: string, args: Attempt): Promise<{ output: unknown }> {
    const scope: Scope = { service: 'dynamodb', region: this.region, credentials: environmentCredentials(this.url.protocol === 'http:') };
    const headers = signHeaders(scope, {
      method: 'POST',
      path: this.url.pathname,
      query: {},
      headers: {
        host: this.url.host,
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': `DynamoDB_20120810.${operation}`,
        'content-length': String(Buffer.byteLength(body)),
        ...args.request.headers,
      },
      payloadHash: sha256Hex(body),
    });
    const res = await fetchAll(this.url, { method: 'POST', headers, body }, this.agent);
    const text = res.body.toString('utf8');
    // The reviver (binary values) only when the answer holds any: it slows parsing of large pages.
    const binary = text.includes('"B":"') || text.includes('"BS":[');
    const parsed = (text ? JSON.parse(text, binary ? jsonReviver : undefined) : {}) as Record<string, unknown>;
    if (res.status === 200) return { output: parsed };
    throw this.error(res.status, res.headers, parsed);
  }

  private error(status: number, headers: Record<string, unknown>, parsed: Record<string, unknown>): AwsError {
    const type = String(parsed.__type ?? parsed.code ?? 'UnknownError');
    const { __type: _type, message, Message, ...members } = parsed;
    const error = new Error(String(message ?? Message ?? type)) as AwsError;
    Object.assign(error, unmarshallOutput(members), {
      name: type.slice(type.lastIndexOf('#') + 1),
      $fault: status < 500 ? 'client' : 'server',
      $metadata: { httpStatusCode: status, requestId: headers['x-amzn-requestid'] },
    });
    return error;
  }
}
