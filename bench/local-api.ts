/**
 * The local runtime for a benchmark: `infra/local/start.ts` in its own process (as `npm start`
 * runs it), DynamoDB Local in memory, a fresh data directory (so its signing keys are this run's:
 * PAR_LOCAL_DIR is set in this process too, for `signToken`). Resolves once the banner is printed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../infra/local/services.ts';

export async function startLocalApi(name: string) {
  const dir = mkdtempSync(join(tmpdir(), `par-bench-${name}-`));
  const port = await freePort();
  process.env.PAR_LOCAL_DIR = dir;
  const server = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts'], {
    env: { ...process.env, PORT: String(port), PAR_LOCAL_DIR: dir, PAR_IN_MEMORY: '1', POWERTOOLS_LOG_LEVEL: 'ERROR' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let banner = '';
  await new Promise<void>((resolve, reject) => {
    server.stdout.on('data', (chunk: Buffer) => {
      banner += chunk.toString();
      if (banner.includes('Ctrl-C')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  const endpoint = (service: string) => new RegExp(`${service}\\s+(\\S+)`).exec(banner)?.[1] ?? '';
  return {
    url: `http://127.0.0.1:${port}`,
    dynamoEndpoint: endpoint('DynamoDB'),
    s3Endpoint: endpoint('S3'),
    async stop() {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
