/**
 * The console in the local runtime: the built files of web/dist (SPA fallback to index.html),
 * `/config.json` as CDK writes it in the cloud, and the development sign-in (`/local/config`,
 * `POST /local/sign-in`), which exist only here: they are not in shared/routes.ts, so no stack
 * can deploy them.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { devSessionSeconds, devUsers } from './dev-users.ts';
import { signToken } from './jwt.ts';
import { projectRoot } from './paths.ts';

export const consoleDist = join(projectRoot, 'web', 'dist');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The same policy as the cloud's (infra/stacks/console-stack.ts), with the local S3 emulator as the file origin. */
function securityHeaders(s3Origin: string): Record<string, string> {
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      `img-src 'self' data: ${s3Origin}`,
      `frame-src ${s3Origin}`,
      `connect-src 'self' ${s3Origin}`,
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

async function signIn(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJson(req);
  const user = devUsers.find((u) => u.id === body.user);
  if (!user) return json(res, 400, { title: 'unknown user', users: devUsers.map((u) => u.id) });
  const requested = Number(body.expiresInSeconds ?? devSessionSeconds);
  // Shorter sessions for tests of expiry; never longer than a working day.
  const seconds = Number.isInteger(requested) && requested >= 1 && requested <= devSessionSeconds ? requested : devSessionSeconds;
  const { id: _id, label: _label, ...request } = user;
  json(res, 200, { token: await signToken({ ...request, expiresIn: `${seconds}s` }), expiresIn: seconds });
}

function serveFile(res: ServerResponse, pathname: string, headers: Record<string, string>): void {
  if (!existsSync(join(consoleDist, 'index.html'))) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('The console is not built: run `npm run console:build` (npm start builds it).');
    return;
  }
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  let file = join(consoleDist, relative);
  const isFile = file.startsWith(consoleDist) && existsSync(file) && statSync(file).isFile();
  // Unknown paths without an extension are the console's own routes; missing assets are 404s.
  if (!isFile && extname(relative) !== '') {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('not found');
    return;
  }
  if (!isFile) file = join(consoleDist, 'index.html');
  const immutable = file.includes(`${join(consoleDist, 'assets')}`);
  res.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...headers,
  });
  res.end(readFileSync(file));
}

/** Answers the console's requests; false when the request is the API's. */
export function consoleHandler(options: { s3Endpoint: string }) {
  const headers = securityHeaders(options.s3Endpoint);
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const method = (req.method ?? 'GET').toUpperCase();
    // The public results site is the API's (HTML routes in shared/routes.ts), as in the cloud.
    if (url.pathname.startsWith('/v1/') || url.pathname === '/cong-khai' || url.pathname.startsWith('/cong-khai/')) return false;
    if (url.pathname === '/local/sign-in' && method === 'POST') return (await signIn(req, res), true);
    if (method !== 'GET' && method !== 'HEAD') return false;
    if (url.pathname === '/config.json') return (json(res, 200, { apiUrl: '', auth: { kind: 'local' } }), true);
    if (url.pathname === '/local/config')
      return (
        json(res, 200, { devSignIn: true, users: devUsers.map(({ id, label, role, unitId }) => ({ id, label, role, unitId })) }),
        true
      );
    serveFile(res, url.pathname, headers);
    return true;
  };
}
