/** `par seed`: seeds reference data into the local runtime that `npm start` is running. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localDir } from '../../infra/local/paths.ts';
import type { CliIo } from '../par.ts';

export async function run(_argv: string[], io: CliIo): Promise<number> {
  const file = join(localDir(), 'runtime.json');
  if (!existsSync(file)) {
    io.stderr('par seed: no local runtime found (.local/runtime.json); start it with `npm start`\n');
    return 1;
  }
  const { env } = JSON.parse(readFileSync(file, 'utf8')) as { env: Record<string, string> };
  Object.assign(process.env, env);
  const { seed } = await import('../../infra/local/seed.ts');
  const report = await seed();
  io.stdout(`${JSON.stringify(report)}\n`);
  return 0;
}
