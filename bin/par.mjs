#!/usr/bin/env node
// The `par` command: runs the CLI compiled to plain JavaScript (cli/build.mjs), rebuilt first
// when a source file changed since the last build, so no TypeScript loader runs at start-up.
// Without esbuild (an install that omitted dev dependencies) it runs the sources through tsx.
import { buildCli, isFresh } from '../cli/build.mjs';

let main;
try {
  if (!isFresh()) await buildCli();
  ({ main } = await import('../dist/cli/par.mjs'));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/par.ts'));
}
process.exitCode = await main(process.argv.slice(2));
