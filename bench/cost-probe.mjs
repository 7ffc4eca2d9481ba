/**
 * Counting probe for the cost model (bench/cost.ts), loaded with `--import` (NODE_OPTIONS) into
 * the simulated cycle and every process it forks. It changes no behaviour: it asks DynamoDB for
 * the capacity each call consumed (ReturnConsumedCapacity=TOTAL) and counts it, counts S3 calls
 * and presigned uploads with their bytes, the HTTP requests the local API serves (each is one
 * Lambda invocation behind API Gateway) with their duration, and the bytes of JSON log lines.
 * DynamoDB and S3 calls made while a request is served are attributed to it (AsyncLocalStorage).
 * On exit it writes its counts to `$PAR_COST_PROBE_DIR/<pid>.json`. Plain JS: it loads before tsx.
 */
/* global FormData */
import { AsyncLocalStorage } from 'node:async_hooks';
import { tracingChannel } from 'node:diagnostics_channel';
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const dir = process.env.PAR_COST_PROBE_DIR;
const started = performance.now();
const store = new AsyncLocalStorage();
const counts = {
  role: process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'runtime',
  /** `${method} ${path}` → totals of the requests served (path without query). */
  requests: {},
  /** DynamoDB and S3 calls made outside any request (pipeline tasks, direct saves, ingestion). */
  other: { rru: 0, wru: 0, ddbCalls: {}, s3Calls: {}, s3PutBytes: 0 },
  presigned: { posts: 0, postBytes: 0, gets: 0 },
  logBytes: 0,
  logLines: 0,
  capacityReported: 0,
  capacityMissing: 0,
  aliveMs: 0,
};

const current = () => store.getStore() ?? counts.other;
const bump = (map, key, by = 1) => (map[key] = (map[key] ?? 0) + by);

const withCapacity = new Set(['Get', 'Put', 'Update', 'Delete', 'Query', 'Scan', 'BatchGet', 'BatchWrite', 'TransactWrite', 'TransactGet']);
const isWrite = (name) => /^(Put|Update|Delete|BatchWrite|TransactWrite)/.test(name);

function addCapacity(target, name, consumed) {
  const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
  if (list.length === 0) {
    counts.capacityMissing++;
    // DynamoDB bills at least one unit per request; without a report count the minimum.
    if (isWrite(name)) target.wru += name.startsWith('Transact') ? 2 : 1;
    else target.rru += 0.5;
    return;
  }
  counts.capacityReported++;
  for (const c of list) {
    const read = c.ReadCapacityUnits ?? (isWrite(name) ? 0 : (c.CapacityUnits ?? 0));
    const write = c.WriteCapacityUnits ?? (isWrite(name) ? (c.CapacityUnits ?? 0) : 0);
    target.rru += read;
    target.wru += write;
  }
}

function patchDynamo(Client) {
  const send = Client.prototype.send;
  Client.prototype.send = async function (command, ...rest) {
    const name = command.constructor.name.replace(/Command$/, '');
    if (withCapacity.has(name) && command.input && !command.input.ReturnConsumedCapacity) command.input.ReturnConsumedCapacity = 'TOTAL';
    const target = current();
    bump(target.ddbCalls, name);
    const output = await send.call(this, command, ...rest);
    if (withCapacity.has(name)) addCapacity(target, name, output?.ConsumedCapacity);
    return output;
  };
}
patchDynamo(DynamoDBDocumentClient);
patchDynamo(DynamoDBClient);

// The store's own document client (shared/store/dynamo/client.ts) publishes every send here.
const dynamoSends = tracingChannel('par:dynamodb:send');
const operationName = (operation) => operation.replace(/Items?$/, '');
dynamoSends.subscribe({
  start(ctx) {
    const name = operationName(ctx.operation);
    if (withCapacity.has(name) && ctx.input && !ctx.input.ReturnConsumedCapacity) ctx.input.ReturnConsumedCapacity = 'TOTAL';
    ctx.target = current();
    bump(ctx.target.ddbCalls, name);
  },
  asyncEnd(ctx) {
    const name = operationName(ctx.operation);
    if (withCapacity.has(name)) addCapacity(ctx.target, name, ctx.result?.ConsumedCapacity);
  },
  end() {},
  asyncStart() {},
  error() {},
});

const bodyBytes = (body) =>
  typeof body === 'string' ? Buffer.byteLength(body) : body && typeof body.length === 'number' ? body.length : (body?.byteLength ?? 0);

const s3Send = S3Client.prototype.send;
S3Client.prototype.send = async function (command, ...rest) {
  const name = command.constructor.name.replace(/Command$/, '');
  const target = current();
  bump(target.s3Calls, `${name} ${command.input?.Bucket ?? ''}`.trim());
  if (name === 'PutObject') target.s3PutBytes += bodyBytes(command.input?.Body);
  return s3Send.call(this, command, ...rest);
};

// The store's own S3 calls (shared/store/s3/objects.ts) publish here.
tracingChannel('par:s3:send').subscribe({
  start(ctx) {
    const target = current();
    bump(target.s3Calls, `${ctx.operation} ${ctx.bucket}`.trim());
    if (ctx.operation === 'PutObject') target.s3PutBytes += ctx.bytes;
  },
  end() {},
  asyncStart() {},
  asyncEnd() {},
  error() {},
});

// Presigned uploads and downloads go straight to S3 (the emulator here), not through the API.
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init = {}) => {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
  if (!url.pathname.startsWith('/v1/') && !url.pathname.startsWith('/openapi')) {
    const method = (init.method ?? 'GET').toUpperCase();
    if (method === 'POST') {
      counts.presigned.posts++;
      if (init.body instanceof FormData) for (const [, v] of init.body) counts.presigned.postBytes += typeof v === 'string' ? 0 : v.size;
    } else if (method === 'GET') counts.presigned.gets++;
  }
  return realFetch(input, init);
};

// Every request the local API serves: its duration and the calls made on its behalf.
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req, res) {
  if (event !== 'request' || !req.url?.startsWith('/v1/')) return emit.apply(this, arguments);
  const key = `${req.method} ${req.url.split('?')[0]}`;
  const entry = (counts.requests[key] ??= { count: 0, ms: 0, rru: 0, wru: 0, ddbCalls: {}, s3Calls: {}, s3PutBytes: 0, statuses: {} });
  entry.count++;
  const t = performance.now();
  res.once('finish', () => {
    entry.ms += performance.now() - t;
    bump(entry.statuses, String(res.statusCode));
  });
  return store.run(entry, () => emit.apply(this, arguments));
};

// Powertools writes one JSON line per log entry; CloudWatch bills the bytes.
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write;
  stream.write = function (chunk, ...rest) {
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : '';
    if (text.startsWith('{')) {
      counts.logBytes += Buffer.byteLength(text);
      counts.logLines++;
    }
    return write.call(this, chunk, ...rest);
  };
}

process.on('exit', () => {
  if (!dir) return;
  counts.aliveMs = performance.now() - started;
  writeFileSync(`${dir}/${process.pid}.json`, JSON.stringify(counts));
});
