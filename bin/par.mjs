#!/usr/bin/env node
// The `par` command: runs the CLI compiled to plain JavaScript (cli/build.mjs), rebuilt first
// when a source file changed since the last build, so no TypeScript loader runs at start-up.
import { buildCli, isFresh } from '../cli/build.mjs';

if (!isFresh()) await buildCli();
const { main } = await import('../dist/cli/par.mjs');
process.exitCode = await main(process.argv.slice(2));
