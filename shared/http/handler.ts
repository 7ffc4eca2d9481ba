/**
 * The one typed wrapper every HTTP handler goes through: the JSON logger with the Lambda
 * context and request keys, header normalisation, JSON body parsing, zod validation of path, query
 * and body, the route's role check, and RFC 9457 problem+json for every failure. Handlers receive
 * typed input and a Caller built only from the verified token's claims.
 *
 * Lean on purpose (issue 15: every clerk pays the cold start): no middy (two steps need no
 * middleware engine, which also loads node:stream and node:timers) and no Powertools Metrics. The
 * per-request Success/ClientError/ServerError and ColdStart metrics it published duplicated API
 * Gateway's Count, 4xx and 5xx per stage (what the alarms and the dashboard read:
 * infra/stacks/observability-stack.ts) and the Init Duration of Lambda's REPORT lines; no HTTP
 * route publishes a business metric.
 */
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import type { z } from 'zod/mini';
import { callerFromClaims, type Caller } from '../domain/roles.ts';
import type { RouteDefinition, RouteTable } from '../routes/definition.ts';
import { DomainError } from '../domain/errors.ts';
import { logger, withLogContext } from '../observability.ts';
import { withIdempotency } from './idempotency.ts';
import { bodyLimits, bodyText, checkParameters, scanJson } from './body-guard.ts';
import { HttpProblem, internalError, problemBody, problems, zodErrors } from './problems.ts';

type Parsed<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

export interface HandlerRequest<R extends RouteDefinition> {
  params: Parsed<R['params']>;
  query: Parsed<R['query']>;
  body: Parsed<R['body']>;
  caller: Caller;
  headers: Readonly<Record<string, string | undefined>>;
  requestId: string;
}

export interface HandlerResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A body sent as it is, not as JSON (the public HTML pages); `headers` name its content-type. */
  text?: string;
}

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;

const anonymous: Caller = { subject: 'anonymous', username: 'anonymous', roles: [], areas: [] };

/**
 * Composed and decomposed Vietnamese must compare equal: every input string becomes NFC. Bodies
 * reach here only after `scanJson` bounded their depth; the guard keeps any other caller bounded too.
 */
function normalizeStrings(value: unknown, depth = 0): unknown {
  if (depth > bodyLimits.maxDepth) throw problems.validation([{ path: 'body', message: 'nested too deeply' }]);
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map((v) => normalizeStrings(v, depth + 1));
  if (value && typeof value === 'object') {
    // fromEntries defines own properties: a key can never become a prototype here.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.normalize('NFC'), normalizeStrings(v, depth + 1)]));
  }
  return value;
}

function parseJsonBody(event: HttpEvent): unknown {
  if (event.body === undefined || event.body === null || event.body === '') {
    throw problems.validation([{ path: 'body', message: 'a JSON body is required' }]);
  }
  const contentType = event.headers['content-type'] ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(contentType)) {
    throw problems.unsupportedMediaType(`content-type must be application/json, got "${contentType || 'none'}"`);
  }
  const text = bodyText(event.body, event.isBase64Encoded);
  let parsed: unknown;
  try {
    // V8's JSON.parse is iterative: deep nesting cannot overflow the stack before scanJson refuses it.
    parsed = JSON.parse(text);
  } catch (error) {
    throw problems.malformedJson((error as Error).message);
  }
  scanJson(text);
  return parsed;
}

/** A body sent to a route that reads none is still checked: no route lets a hostile body through unread. */
function guardUnusedBody(event: HttpEvent): undefined {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const text = bodyText(event.body, event.isBase64Encoded);
  if (!/^application\/(.+\+)?json\b/i.test(event.headers['content-type'] ?? '')) return undefined;
  try {
    JSON.parse(text);
  } catch (error) {
    throw problems.malformedJson((error as Error).message);
  }
  scanJson(text);
  return undefined;
}

function validate<S extends z.ZodMiniType | undefined>(schema: S, raw: unknown, prefix: 'path' | 'query' | 'body'): Parsed<S> {
  if (prefix !== 'body') checkParameters(raw as Record<string, string | undefined>, prefix);
  if (!schema) return undefined as Parsed<S>;
  const result = schema.safeParse(normalizeStrings(raw));
  if (!result.success) throw problems.validation(zodErrors(prefix, result.error));
  return result.data as Parsed<S>;
}

function authorise(route: RouteDefinition, event: HttpEvent): Caller {
  if (route.access === 'public') return anonymous;
  const claims = event.requestContext.authorizer?.jwt?.claims;
  if (!claims) throw problems.unauthorized();
  const caller = callerFromClaims(claims);
  if (caller.roles.length === 0) throw problems.forbidden('the token carries no known role');
  if (route.access !== 'signed-in' && !caller.roles.some((r) => (route.access as readonly string[]).includes(r))) {
    throw problems.forbidden(`this route needs one of the roles: ${route.access.join(', ')}`);
  }
  return caller;
}

const mutating = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The one rule: a mutating route either honours `Idempotency-Key` or refuses it, so that a client
 * never believes a retry is safe when it is not.
 */
function idempotencyKey(route: RouteDefinition, event: HttpEvent): string | undefined {
  const key = event.headers?.['idempotency-key'];
  if (key === undefined || !mutating.has(route.method)) return undefined;
  if (route.idempotent) return key;
  throw new HttpProblem(
    'IDEMPOTENCY_NOT_SUPPORTED',
    'headers.idempotency-key: this route does not honour Idempotency-Key; send it without',
    {
      errors: [{ path: 'headers.idempotency-key', message: 'not accepted on this route' }],
    },
  );
}

function json(status: number, body: unknown, contentType = 'application/json', headers: Record<string, string> = {}) {
  return {
    statusCode: status,
    headers: { 'content-type': `${contentType}; charset=utf-8`, ...headers },
    body: body === undefined ? '' : JSON.stringify(body),
  } satisfies APIGatewayProxyResultV2;
}

export function problemResponse(error: unknown, instance?: string) {
  let known: DomainError;
  if (error instanceof DomainError) known = error;
  else {
    logger.error('unhandled error', error as Error);
    known = internalError();
  }
  const body = problemBody(known);
  return json(body.status, { ...body, ...(instance ? { instance } : {}) }, 'application/problem+json');
}

/**
 * The handler of route `id` of an area's table (shared/routes/<area>.ts). It takes the table, not
 * the whole route table (shared/routes.ts), so that a function constructs only its own area's schemas.
 */
export function httpHandler<T extends RouteTable, K extends keyof T & string>(
  table: T,
  id: K,
  fn: (request: HandlerRequest<T[K]>) => Promise<HandlerResponse>,
) {
  const route = table[id] as RouteDefinition;
  const base = async (event: HttpEvent, context: Context): Promise<APIGatewayProxyResultV2> => {
    const requestId = event.requestContext?.requestId ?? context.awsRequestId;
    try {
      const caller = authorise(route, event);
      const key = idempotencyKey(route, event);
      const params = validate(route.params, event.pathParameters ?? {}, 'path');
      const query = validate(route.query, event.queryStringParameters ?? {}, 'query');
      const body = route.body ? validate(route.body, parseJsonBody(event), 'body') : guardUnusedBody(event);
      const target = (params ?? {}) as { year?: number; unitId?: string };
      logger.appendKeys({
        route: id,
        requestId,
        user: caller.username,
        callerUnit: caller.unitId,
        unitId: target.unitId,
        cycle: target.year,
      });
      const run = async () => {
        const result = await fn({ params, query, body, caller, headers: event.headers, requestId } as HandlerRequest<T[K]>);
        const status = result.status ?? route.success.status;
        if (result.text !== undefined) return { statusCode: status, headers: result.headers ?? {}, body: result.text };
        return json(status, result.body, 'application/json', result.headers);
      };
      return key ? await withIdempotency(key, { caller, routeId: id, path: event.rawPath, body: event.body }, run) : await run();
    } catch (error) {
      return problemResponse(error, event.rawPath);
    }
  };
  const handler = withLogContext((event: HttpEvent, context: Context) =>
    base({ ...event, headers: lowercaseKeys(event.headers) }, context),
  );
  /** The route it serves: the local adapter checks that a handler module serves the route that names it. */
  return Object.assign(handler, { routeId: id });
}

/** Header names compare case-insensitively: one spelling, lower case (API Gateway's payload 2.0 already sends it). */
function lowercaseKeys(headers: HttpEvent['headers'] | undefined): Record<string, string | undefined> {
  // fromEntries defines own properties: a header named __proto__ stays a header.
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
}
