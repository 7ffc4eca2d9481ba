/**
 * The local HTTP adapter: what API Gateway's HTTP API does in front of the Lambdas. It matches the
 * shared route table, checks the JWT as the Cognito authorizer does, turns the request into a
 * payload-2.0 event, calls the same handler module Lambda runs, and writes the result back.
 */
import type { PublicThrottle } from './public-throttle.ts';
import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { routeList, type RouteDefinition } from '../../shared/routes.ts';
import type { Verifier } from './jwt.ts';
import { projectRoot } from './paths.ts';

export const maxBodyBytes = 10 * 1024 * 1024;
const timeoutMs = 29_000;

type LambdaHandler = (event: unknown, context: Context) => Promise<APIGatewayProxyResultV2>;

interface CompiledRoute {
  route: RouteDefinition & { id: string };
  pattern: RegExp;
  names: string[];
}

function compile(route: RouteDefinition & { id: string }): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === '{' || c === '}' ? c : `\\${c}`))
    .replace(/\{([^}+]+)\+?\}/g, (_m, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
  return { route, pattern: new RegExp(`^${source}$`), names };
}

const compiled = routeList.map(compile);

export function matchRoute(method: string, path: string) {
  const onPath = compiled
    .map((c) => ({ c, m: c.pattern.exec(path) }))
    .filter((x): x is { c: CompiledRoute; m: RegExpExecArray } => x.m !== null);
  if (onPath.length === 0) return { kind: 'not-found' as const };
  const hit = onPath.find((x) => x.c.route.method === method);
  if (!hit) return { kind: 'wrong-method' as const, allow: onPath.map((x) => x.c.route.method) };
  try {
    const params = Object.fromEntries(hit.c.names.map((n, i) => [n, decodeURIComponent(hit.m[i + 1] ?? '')]));
    return { kind: 'match' as const, route: hit.c.route, params };
  } catch {
    // `%ED%A0%80` and the like decode to no Unicode text; API Gateway refuses them before any Lambda.
    return { kind: 'bad-path' as const };
  }
}

const handlerCache = new Map<string, Promise<LambdaHandler>>();
/** A handler names the route it serves (shared/http/handler.ts): a module wired to another route's schemas fails here. */
function loadHandler(modulePath: string, routeId: string): Promise<LambdaHandler> {
  let loaded = handlerCache.get(modulePath);
  if (!loaded) {
    loaded = import(pathToFileURL(join(projectRoot, modulePath)).href).then((m: { handler?: LambdaHandler & { routeId?: string } }) => {
      if (typeof m.handler !== 'function') throw new Error(`${modulePath} exports no handler`);
      if (m.handler.routeId !== routeId) throw new Error(`${modulePath} serves route ${m.handler.routeId}, not ${routeId}`);
      return m.handler;
    });
    handlerCache.set(modulePath, loaded);
  }
  return loaded;
}

const corsHeaders = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET,PUT,POST,PATCH,DELETE,OPTIONS',
  'access-control-allow-headers': 'authorization,content-type,idempotency-key,if-match',
  'access-control-max-age': '600',
};

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const problem = status >= 400 && typeof body === 'object';
  res.writeHead(status, {
    ...corsHeaders,
    'content-type': problem ? 'application/problem+json; charset=utf-8' : 'application/json; charset=utf-8',
    ...headers,
  });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** Refusals of the adapter itself (the cloud's API Gateway makes these), in the same problem+json vocabulary. */
function problem(status: number, title: string, detail: string, code: string) {
  return { type: `https://par-index.example/problems/${code.toLowerCase().replace(/_/g, '-')}`, title, status, code, detail };
}

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBodyBytes) return 'too-large';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** API Gateway hands claims to Lambda as strings; arrays become "[a b]". */
function flattenClaims(payload: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload).map(([k, v]) => [k, Array.isArray(v) ? `[${v.join(' ')}]` : typeof v === 'string' ? v : JSON.stringify(v)]),
  );
}

function isTextual(contentType: string): boolean {
  return contentType === '' || /^(text\/|application\/(.+\+)?json|application\/x-www-form-urlencoded)/i.test(contentType);
}

export interface LocalApiOptions {
  verifier: Verifier;
  /** Extra local-only pages (OpenAPI document, docs) served before the route table. */
  extras?: Record<string, { contentType: string; body: () => string }>;
  /** Published report files under `/reports/` (infra/local/report-files.ts). */
  reports?: (path: string) => { contentType: string; body: Buffer | string } | undefined;
  /** Local-only pages outside the route table (the console, its development sign-in); true when answered. */
  before?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
  /** Set the Lambda environment for handlers (table and bucket names, endpoints). */
  /** Throttles public routes per client address as API Gateway's route settings do (429 TOO_MANY_REQUESTS). */
  publicThrottle?: PublicThrottle;
}

export function createLocalApi(options: LocalApiOptions): Server {
  return createServer((req, res) => {
    handle(req, res, options).catch((error: unknown) => {
      console.error('local adapter error', error);
      if (!res.headersSent) send(res, 500, problem(500, 'Internal error', 'the local adapter failed', 'INTERNAL'));
      else res.end();
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, options: LocalApiOptions): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://local');
  const method = (req.method ?? 'GET').toUpperCase();
  const extra = options.extras?.[url.pathname];
  if (extra && method === 'GET') {
    const page = extra.body();
    res.writeHead(200, { ...corsHeaders, 'content-type': extra.contentType });
    res.end(page);
    return;
  }
  if (options.reports && method === 'GET' && (url.pathname === '/reports' || url.pathname.startsWith('/reports/'))) {
    // The reports folder answers for itself: a file, or 404 (never the console's page).
    const report = options.reports(url.pathname);
    if (!report) return send(res, 404, problem(404, 'Not found', `no report file at ${url.pathname}`, 'NOT_FOUND'));
    res.writeHead(200, { ...corsHeaders, 'content-type': report.contentType });
    res.end(report.body);
    return;
  }
  if (options.before && (await options.before(req, res, url))) return;
  if (method === 'OPTIONS' && req.headers['access-control-request-method']) {
    res.writeHead(204, corsHeaders);
    res.end();
    return;
  }
  const matched = matchRoute(method, url.pathname);
  if (matched.kind === 'not-found') return send(res, 404, problem(404, 'Not found', `no route for ${url.pathname}`, 'ROUTE_NOT_FOUND'));
  if (matched.kind === 'bad-path')
    return send(res, 400, problem(400, 'Validation failed', 'path: malformed percent-encoding', 'INVALID_ENCODING'));
  if (matched.kind === 'wrong-method') {
    return send(
      res,
      405,
      problem(405, 'Method not allowed', `${method} is not allowed here; use ${matched.allow.join(', ')}`, 'METHOD_NOT_ALLOWED'),
      {
        allow: matched.allow.join(', '),
      },
    );
  }
  if (matched.route.access === 'public' && options.publicThrottle) {
    const client = req.socket.remoteAddress ?? 'unknown';
    if (!options.publicThrottle.take(`${client} ${matched.route.id}`)) {
      return send(res, 429, problem(429, 'Too many requests', 'this public route is throttled; retry in a moment', 'TOO_MANY_REQUESTS'));
    }
  }
  const body = await readBody(req);
  if (body === 'too-large')
    return send(res, 413, problem(413, 'Content too large', `the body exceeds ${maxBodyBytes} bytes`, 'PAYLOAD_TOO_LARGE'));

  let claims: Record<string, string> | undefined;
  if (matched.route.access !== 'public') {
    const header = req.headers.authorization ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
    if (!token) return send(res, 401, problem(401, 'Unauthorized', 'a bearer token is required', 'UNAUTHENTICATED'));
    try {
      claims = flattenClaims(await options.verifier(token));
    } catch (error) {
      return send(res, 401, problem(401, 'Unauthorized', `the token was refused: ${(error as Error).message}`, 'UNAUTHENTICATED'));
    }
  }

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  // Null prototype: a `__proto__` parameter stays an own key the handler can see and refuse.
  const query: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const key of new Set(url.searchParams.keys())) query[key] = url.searchParams.getAll(key).join(',');
  // Bytes that are not UTF-8 go on as base64 (as API Gateway does with binary bodies), so the
  // handler's strict decoder refuses them instead of reading U+FFFD where they were.
  const textual = isTextual(headers['content-type'] ?? '') && isUtf8(body);
  const requestId = randomUUID();
  const now = new Date();
  const event = {
    version: '2.0',
    routeKey: `${matched.route.method} ${matched.route.path}`,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(Object.keys(matched.params).length ? { pathParameters: matched.params } : {}),
    ...(body.length ? { body: textual ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: body.length > 0 && !textual,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: 'local',
      http: {
        method,
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: `${matched.route.method} ${matched.route.path}`,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
    },
  };
  const started = Date.now();
  const context = {
    awsRequestId: requestId,
    functionName: `par-local-${matched.route.id}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:par-local-${matched.route.id}`,
    memoryLimitInMB: '512',
    logGroupName: `/aws/lambda/par-local-${matched.route.id}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => Math.max(0, timeoutMs - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  } as Context;

  const handler = await loadHandler(matched.route.handler, matched.route.id);
  let timer: NodeJS.Timeout | undefined;
  const result = await Promise.race([
    handler(event, context),
    new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs))),
  ]).finally(() => clearTimeout(timer));
  if (result === 'timeout')
    return send(res, 503, problem(503, 'Service unavailable', 'the handler did not answer within 29 s', 'INTERNAL'));
  writeResult(res, result);
}

function writeResult(res: ServerResponse, result: APIGatewayProxyResultV2): void {
  if (typeof result === 'string' || !('statusCode' in result)) {
    // API Gateway's inference for a bare value: 200 with that value as JSON.
    return send(res, 200, typeof result === 'string' ? result : JSON.stringify(result));
  }
  const headers: Record<string, string> = { ...corsHeaders };
  for (const [k, v] of Object.entries(result.headers ?? {})) headers[k.toLowerCase()] = String(v);
  if (result.cookies?.length) res.setHeader('set-cookie', result.cookies);
  res.writeHead(result.statusCode ?? 200, headers);
  res.end(result.body ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8') : undefined);
}
