/**
 * The HTTP wrapper without middleware engine (shared/http/handler.ts): what Powertools'
 * injectLambdaContext and the header normaliser gave, it still gives. Log lines are read from
 * the logger's real output (it writes JSON to stdout).
 */
import type { Context } from 'aws-lambda';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { httpHandler, type HttpEvent } from '../../shared/http/handler.ts';
import { logger } from '../../shared/observability.ts';
import type { RouteDefinition } from '../../shared/routes/definition.ts';

const probeRoutes = {
  probe: {
    method: 'POST',
    path: '/v1/probe/{name}',
    handler: 'test/unit/http-handler.test.ts',
    access: 'public',
    summary: 'probe',
    params: z.strictObject({ name: z.string() }),
    body: z.strictObject({ note: z.string() }),
    success: { status: 201 },
  },
} as const satisfies Record<string, RouteDefinition>;

const context = (requestId: string) =>
  ({ functionName: 'par-probe', awsRequestId: requestId, invokedFunctionArn: 'arn:aws:lambda:local:0:function:par-probe' }) as Context;

const event = (requestId: string, headers: Record<string, string>, body: unknown, name = 'a'): HttpEvent =>
  ({
    rawPath: `/v1/probe/${name}`,
    headers,
    pathParameters: { name },
    body: JSON.stringify(body),
    isBase64Encoded: false,
    requestContext: { requestId },
  }) as unknown as HttpEvent;

/** The JSON log lines the logger printed while `run` ran. */
async function logsOf(run: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return lines
    .join('')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

// The local runtime's environment (a run with integration tests) sets WARN; these lines are INFO.
beforeAll(() => logger.setLogLevel('INFO'));
afterEach(() => vi.restoreAllMocks());

describe('httpHandler', () => {
  const seen: { headers: Readonly<Record<string, string | undefined>>; name: string }[] = [];
  const handler = httpHandler(probeRoutes, 'probe', async ({ params, body, headers }) => {
    seen.push({ headers, name: params.name });
    logger.info('probe ran', { note: body.note });
    if (params.name === 'extra') logger.appendKeys({ leaked: 'yes' });
    return { body: { ok: true } };
  });

  it('names the route it serves', () => {
    expect(handler.routeId).toBe('probe');
  });

  it('logs JSON with the Lambda context and the request id, and forgets a request’s keys after it', async () => {
    const first = await logsOf(() =>
      handler(event('req-1', { 'Content-Type': 'application/json' }, { note: 'một' }, 'extra'), context('lambda-1')),
    );
    const second = await logsOf(() =>
      handler(event('req-2', { 'content-type': 'application/json' }, { note: 'hai' }), context('lambda-2')),
    );
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      message: 'probe ran',
      route: 'probe',
      requestId: 'req-1',
      function_request_id: 'lambda-1',
      note: 'một',
    });
    expect(first[0]).toHaveProperty('cold_start');
    expect(second).toHaveLength(1);
    expect(second[0]).toMatchObject({ requestId: 'req-2', function_request_id: 'lambda-2', note: 'hai' });
    expect(second[0]).not.toHaveProperty('leaked');
  });

  it('gives the route lower-case header names, whatever the spelling sent', async () => {
    seen.length = 0;
    const response = await logsOf(() =>
      handler(event('req-3', { 'CONTENT-TYPE': 'application/json', 'X-Trace': 't1' }, { note: 'ba' }), context('lambda-3')),
    );
    expect(response).toHaveLength(1);
    expect(seen).toEqual([{ headers: { 'content-type': 'application/json', 'x-trace': 't1' }, name: 'a' }]);
  });

  it('answers problem+json for a body that breaks the route’s schema, before the route runs', async () => {
    seen.length = 0;
    const response = await handler(event('req-4', { 'Content-Type': 'application/json' }, { note: 5 }), context('lambda-4'));
    expect(response).toMatchObject({ statusCode: 400, headers: { 'content-type': 'application/problem+json; charset=utf-8' } });
    expect(JSON.parse((response as { body: string }).body)).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'body.note' }] });
    expect(seen).toEqual([]);
  });
});
