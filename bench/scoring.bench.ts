/**
 * Benchmark of `par compute` (issue 3): wall time and peak memory for
 *   - province: the 184 Bến Tre units (18 departments, 9 districts, 157 communes, one compute per
 *     framework, as the council runs it) with 20,000 survey responses in all;
 *   - national: 5,000 units on the department framework (the largest: 73 leaves, 13 questions)
 *     with 1,000,000 responses.
 * Targets: province ≤ 1 s; national ≤ 30 s within 1 GB (2-core machine).
 *
 * Inputs are generated once (deterministic seed) under .bench/. Each case runs in its own child
 * process, so its peak RSS (`process.resourceUsage().maxRSS`) is that case's alone; the time is
 * the in-process `par compute` run: read and parse the files, validate, aggregate, compute and
 * serialise the results.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { Framework } from '../shared/schemas/files/framework.ts';
import {
  generateResponses,
  generateScores,
  readReference,
  type SurveyDefinitionJson,
  type UnitRef,
} from '../test/unit/support/generate-inputs.ts';

const dir = fileURLToPath(new URL('../.bench/scoring/', import.meta.url));
const types = ['department', 'district', 'commune'] as const;

interface Job {
  framework: string;
  scores: string;
  survey: string;
}

/** Write a survey file without building the whole JSON string (a million responses). */
async function writeSurvey(path: string, definition: SurveyDefinitionJson, units: UnitRef[], total: number, seed: number) {
  const out = createWriteStream(path);
  const { responses: _none, ...head } = definition as SurveyDefinitionJson & { responses?: unknown };
  out.write(`${JSON.stringify(head).slice(0, -1)},"responses":[\n`);
  const chunk = 50_000;
  for (let start = 0; start < total; start += chunk) {
    const part = generateResponses(definition, units, Math.min(chunk, total - start), seed + start);
    const text = part.map((r) => JSON.stringify(r)).join(',\n');
    if (!out.write(`${start > 0 ? ',\n' : ''}${text}`)) await once(out, 'drain');
  }
  out.end(']}\n');
  await once(out, 'finish');
}

async function prepare(name: string, type: (typeof types)[number], units: UnitRef[], responses: number, seed: number): Promise<Job> {
  const base = `${dir}${name}-${type}-${units.length}u-${responses}r-s${seed}`;
  const job = { framework: `reference/frameworks/${type}-2024.json`, scores: `${base}.scores.json`, survey: `${base}.survey.json` };
  if (existsSync(job.scores) && existsSync(job.survey)) return job;
  const framework = readReference<Framework>(`frameworks/${type}-2024.json`);
  const definition = readReference<SurveyDefinitionJson>(`surveys/${type}-survey-2024.json`);
  writeFileSync(job.scores, JSON.stringify(generateScores(framework, units, seed)));
  await writeSurvey(job.survey, definition, units, responses, seed);
  return job;
}

async function cases(): Promise<Record<string, Job[]>> {
  mkdirSync(dir, { recursive: true });
  const registry = readReference<{ units: { id: string; type: string; name: string }[] }>('units/ben-tre-2024.json').units;
  const province: Job[] = [];
  const all = registry.filter((u) => (types as readonly string[]).includes(u.type)).length;
  for (const type of types) {
    const units = registry.filter((u) => u.type === type);
    province.push(await prepare('province', type, units, Math.round((20_000 * units.length) / all), 2024));
  }
  const national = Array.from({ length: 5_000 }, (_, i) => ({ id: `DV${String(i + 1).padStart(4, '0')}`, name: `Đơn vị ${i + 1}` }));
  return { province, national: [await prepare('national', 'department', national, 1_000_000, 2030)] };
}

/** Child side: run the jobs through the real command and report one JSON line. */
async function measure(jobs: Job[]) {
  const { run } = await import('../cli/commands/compute.ts');
  let bytes = 0;
  const started = process.hrtime.bigint();
  for (const job of jobs) {
    const io = { stdout: (t: string) => void (bytes += t.length), stderr: () => undefined };
    const code = await run(['--framework', job.framework, '--scores', job.scores, '--survey', job.survey], io);
    if (code !== 0) throw new Error(`par compute exited ${code} on ${job.scores}`);
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(`${JSON.stringify({ ms, maxRssKiB: process.resourceUsage().maxRSS, bytes })}\n`);
}

const targets: Record<string, { ms: number; mib?: number }> = { province: { ms: 1_000 }, national: { ms: 30_000, mib: 1024 } };

async function main() {
  const caseArg = process.argv.indexOf('--case');
  if (caseArg > 0) {
    const jobs = JSON.parse(process.argv[caseArg + 1] ?? '[]') as Job[];
    return measure(jobs);
  }
  const all = await cases();
  for (const [name, jobs] of Object.entries(all)) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--case', JSON.stringify(jobs)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const r = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { ms: number; maxRssKiB: number };
    const mib = r.maxRssKiB / 1024;
    const t = targets[name];
    const ok = t && r.ms <= t.ms && (t.mib === undefined || mib <= t.mib);
    console.log(
      `scoring ${name.padEnd(8)} ${(r.ms / 1000).toFixed(2).padStart(6)} s  peak RSS ${mib.toFixed(0).padStart(5)} MiB  ` +
        `(target ≤ ${t ? t.ms / 1000 : '?'} s${t?.mib ? `, ≤ ${t.mib} MiB` : ''}) ${ok ? 'ok' : 'OVER TARGET'}`,
    );
  }
}

await main();
