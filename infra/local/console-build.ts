/**
 * Builds the console (web/ → web/dist) when it is missing or older than its sources: `npm start`,
 * the browser tests and `cdk synth` call this, so a fresh clone needs no extra step.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './paths.ts';

const webDir = join(projectRoot, 'web');
export const consoleIndex = join(webDir, 'dist', 'index.html');

function newestSource(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function consoleIsStale(): boolean {
  if (!existsSync(consoleIndex)) return true;
  const sources = Math.max(
    newestSource(join(webDir, 'src')),
    newestSource(join(webDir, 'public')),
    statSync(join(webDir, 'index.html')).mtimeMs,
    statSync(join(webDir, 'vite.config.ts')).mtimeMs,
  );
  return sources > statSync(consoleIndex).mtimeMs;
}

export async function ensureConsoleBuilt(log: (line: string) => void = () => undefined): Promise<void> {
  if (!consoleIsStale()) return;
  log('building the console (web/ → web/dist)…');
  const { build } = await import('vite');
  await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn' });
}
