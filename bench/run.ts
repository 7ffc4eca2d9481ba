/**
 * `npm run bench`: runs every `bench/*.bench.ts` in turn, each in its own child process (so one
 * bench's memory and JIT state never colour another's), and passes their report lines through.
 * A bench may be chosen by name: `npm run bench -- scoring`. Exit code 1 if any bench fails.
 * Reports that are not timed benches run only when named: `npm run bench -- cost` (bench/cost.ts,
 * the cost model, which simulates a whole cycle).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('./', import.meta.url));
const wanted = process.argv.slice(2);
const onDemand = ['cost.ts'];
const benches = [
  ...readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
    .sort(),
  ...onDemand.filter((f) => wanted.some((w) => f === `${w}.ts`)),
];

if (benches.length === 0) {
  console.error(`no bench/*.bench.ts matches ${wanted.join(' ') || '(any)'}`);
  process.exit(1);
}

let failed = 0;
for (const file of benches) {
  console.log(`# ${file}`);
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${file}`], { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    failed++;
    console.log(`# ${file} FAILED (exit ${r.status ?? r.signal}) after ${seconds} s`);
  } else console.log(`# ${file} done in ${seconds} s (including input generation)`);
}
process.exit(failed > 0 ? 1 : 0);
