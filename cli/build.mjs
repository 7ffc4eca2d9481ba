/**
 * Builds the `par` CLI into plain JavaScript (dist/cli/par.mjs plus one chunk per command), so
 * `par` runs without tsx: `par --help` loads one small file. Run by `npm ci` / `npm install`
 * (the `prepare` script) and by bin/par.mjs itself whenever a source file is newer than the build
 * (`isFresh`), so an edited command never runs stale. Dependencies stay in node_modules.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
export const outDir = `${root}dist/cli/`;
const metaFile = `${outDir}meta.json`;

const mtime = (file) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
};

/** True when the build exists and no input of it is newer (a stat per input: ~1 ms). */
export function isFresh() {
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(metaFile, 'utf8'));
  } catch {
    return false;
  }
  const built = mtime(`${outDir}par.mjs`);
  return Number.isFinite(built) && inputs.every((file) => mtime(`${root}${file}`) <= built);
}

export async function buildCli() {
  const { build } = await import('esbuild');
  const { mkdirSync, renameSync, writeFileSync } = await import('node:fs');
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['cli/par.ts'],
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    write: false,
    logLevel: 'error',
  });
  // Several `par` processes may rebuild at once (tests run it in parallel): every file is written
  // under a temporary name and renamed into place, chunks (content-hashed names) before the entry.
  const put = (path, contents) => {
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, contents);
    renameSync(temp, path);
  };
  mkdirSync(outDir, { recursive: true });
  const entry = `${outDir}par.mjs`;
  for (const file of result.outputFiles.filter((f) => f.path !== entry)) put(file.path, file.contents);
  for (const file of result.outputFiles.filter((f) => f.path === entry)) put(file.path, file.contents);
  put(metaFile, JSON.stringify(Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules'))));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildCli().catch((error) => {
    // `npm ci --omit=dev` has no esbuild: bin/par.mjs then runs the sources through tsx.
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    process.stderr.write('par: esbuild is not installed; `par` will run its TypeScript sources through tsx\n');
  });
}
