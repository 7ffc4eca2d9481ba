/** Where the local runtime keeps its state: `.local/` under the project, or `PAR_LOCAL_DIR`. */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function localDir(...parts: string[]): string {
  const base = process.env.PAR_LOCAL_DIR ? resolve(process.env.PAR_LOCAL_DIR) : join(projectRoot, '.local');
  const dir = join(base, ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}
