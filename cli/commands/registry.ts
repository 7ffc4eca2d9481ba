/**
 * `par registry import FILE [--dry-run]`, `par registry list [--year Y] [--type T]`,
 * `par registry retire ID [--successor ID] [--valid-to Y] [--reason TEXT]`: the registry routes
 * of the API (the same use cases the console calls). The API is PAR_API_URL with PAR_TOKEN, or
 * the local runtime `npm start` runs, with an admin token signed by its local key.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { localDir } from '../../infra/local/paths.ts';
import type { CliIo } from '../par.ts';

interface Connection {
  url: string;
  token: string;
}

async function connect(): Promise<Connection | string> {
  const { PAR_API_URL: url, PAR_TOKEN: token } = process.env;
  if (url && token) return { url: url.replace(/\/$/, ''), token };
  const file = join(localDir(), 'runtime.json');
  if (!existsSync(file)) return 'no API: set PAR_API_URL and PAR_TOKEN, or start the local runtime with `npm start`';
  const runtime = JSON.parse(readFileSync(file, 'utf8')) as { url: string };
  const { signToken } = await import('../../infra/local/jwt.ts');
  return { url: runtime.url.replace(/\/$/, ''), token: token ?? (await signToken({ role: 'admin', username: 'par-cli' })) };
}

/** The parts of the API's answers this command reads (a report, a problem, a unit, a unit list). */
interface Reply {
  status: number;
  body?: Partial<Report> & { code?: string; detail?: string; version?: number; units?: Record<string, string | number | undefined>[] };
}

async function call(conn: Connection, method: string, path: string, body?: unknown): Promise<Reply> {
  const res = await fetch(`${conn.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${conn.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Reply['body']) : undefined };
}

interface Report {
  dryRun: boolean;
  summary: Record<string, number>;
  changes: { line: number; unitId: string; action: string }[];
  problems: { line: number; field: string; code: string; message: string }[];
}

const actionNames: Record<string, string> = { create: 'thêm mới', update: 'cập nhật', retire: 'giải thể', merge: 'sáp nhập' };

function printReport(report: Report, io: CliIo) {
  const s = report.summary;
  io.stdout(
    `${report.dryRun ? 'Chạy thử (chưa ghi)' : 'Đã áp dụng'}: ${s.rows} dòng; thêm mới ${s.create}, cập nhật ${s.update}, ` +
      `giải thể ${s.retire}, sáp nhập ${s.merge}, không đổi ${s.unchanged}\n`,
  );
  for (const c of report.changes) io.stdout(`  dòng ${c.line}\t${c.unitId}\t${actionNames[c.action] ?? c.action}\n`);
  for (const p of report.problems) io.stderr(`  dòng ${p.line}\t${p.field}\t${p.code}\t${p.message}\n`);
}

function failed(res: Reply, io: CliIo, what: string): number {
  if (res.body?.problems) printReport({ dryRun: true, summary: res.body.summary ?? {}, changes: [], problems: res.body.problems }, io);
  io.stderr(`par registry ${what}: ${res.status} ${res.body?.code ?? ''} ${res.body?.detail ?? ''}\n`);
  return 1;
}

async function importFile(conn: Connection, args: string[], dryRun: boolean, io: CliIo): Promise<number> {
  const [file] = args;
  if (!file || !existsSync(file)) {
    io.stderr(`par registry import: ${file ? `no such file ${file}` : 'a CSV or XLSX file is required'}\n`);
    return 2;
  }
  const body = { fileName: basename(file), contentBase64: readFileSync(file).toString('base64'), dryRun };
  const res = await call(conn, 'POST', '/v1/registry/imports', body);
  if (res.status !== 200) return failed(res, io, 'import');
  printReport(res.body as Report, io);
  return (res.body as Report).problems.length > 0 ? 1 : 0;
}

async function list(conn: Connection, year: string | undefined, type: string | undefined, io: CliIo): Promise<number> {
  const res = year
    ? await call(conn, 'GET', `/v1/cycles/${encodeURIComponent(year)}/registry`)
    : await call(conn, 'GET', `/v1/units${type ? `?type=${encodeURIComponent(type)}` : ''}`);
  if (res.status !== 200) return failed(res, io, 'list');
  const units = (res.body?.units ?? []).filter((u) => !type || u.type === type);
  for (const u of units) {
    const extra = year
      ? ''
      : `\t${u.status ?? 'active'}${u.validTo ? ` đến ${u.validTo}` : ''}${u.successorId ? ` → ${u.successorId}` : ''}`;
    io.stdout(`${u.id}\t${u.type}\t${u.name}\t${u.parentId ?? '-'}${extra}\n`);
  }
  return 0;
}

async function retire(conn: Connection, unitId: string | undefined, options: Record<string, string | undefined>, io: CliIo) {
  if (!unitId) {
    io.stderr('par registry retire: a unit id is required\n');
    return 2;
  }
  const current = await call(conn, 'GET', `/v1/units/${encodeURIComponent(unitId)}`);
  if (current.status !== 200) return failed(current, io, 'retire');
  const thisYear = Number(new Date().toLocaleString('en-US', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }));
  const body = {
    validTo: options['valid-to'] ? Number(options['valid-to']) : thisYear,
    expectedVersion: current.body?.version,
    ...(options.successor ? { successorId: options.successor } : {}),
    ...(options.reason ? { reason: options.reason } : {}),
  };
  const res = await call(conn, 'POST', `/v1/units/${encodeURIComponent(unitId)}/retire`, body);
  if (res.status !== 200) return failed(res, io, 'retire');
  printReport(res.body as Report, io);
  return 0;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean' },
        year: { type: 'string' },
        type: { type: 'string' },
        successor: { type: 'string' },
        'valid-to': { type: 'string' },
        reason: { type: 'string' },
      },
      strict: true,
    });
  } catch (error) {
    io.stderr(`par registry: ${(error as Error).message}\n`);
    return 2;
  }
  if (!sub || !['import', 'list', 'retire'].includes(sub)) {
    io.stderr('usage: par registry import FILE [--dry-run] | list [--year Y] [--type T] | retire ID [--successor ID] [--valid-to Y]\n');
    return 2;
  }
  const conn = await connect();
  if (typeof conn === 'string') {
    io.stderr(`par registry: ${conn}\n`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (sub === 'import') return importFile(conn, positionals, values['dry-run'] ?? false, io);
  if (sub === 'list') return list(conn, values.year, values.type, io);
  return retire(conn, positionals[0], values as Record<string, string | undefined>, io);
}
