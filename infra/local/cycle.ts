/**
 * `npm run cycle -- --year YYYY [--simulate]` or `--years YYYY-YYYY`: runs the yearly state
 * machine (the ASL file CDK deploys, infra/pipeline/cycle.asl.json) on the local runtime, Wait
 * states shortened, for one year or for consecutive years one after the other on the same runtime
 * and data (so each year compares with the one published before it).
 *
 * --simulate   a fresh runtime: DynamoDB Local in memory, S3 data under .local/simulations/YYYY-<time>/
 *              (kept, so the published reports can be opened afterwards). Opens the cycle YYYY with
 *              deadlines ahead, the 184 units self-assess and submit, the machine starts; after it
 *              closes submission, appraisers appraise and survey CSV files are imported through the
 *              import route (ingested on the upload event); while the machine waits for approval each
 *              district council approves its communes with its own decision, then the provincial
 *              council the rest; the machine resumes only after the last of them. Prints the reports (key, file, sha256) and the top units per type.
 * without      the runtime over .local/ (stop `npm start` first: one DynamoDB Local per data file),
 *              the machine over the cycle as it is; the API stays up on the printed URL so the council
 *              can approve (POST /v1/cycles/YYYY/results/approve, token: npx par token --role council;
 *              a district council's token also names its district).
 * Every published report is also written under .local/reports/<year>/ (results.html, .xlsx, .csv,
 * .json, open data); the links printed open in a browser, and `npm start` serves them at /reports/.
 * Exit code 0 when every execution succeeded, 1 when one failed, 2 on a bad command line.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cycleForYear } from '../../shared/domain/cycle.ts';
import { cycleBody } from '../../shared/schemas/domain/cycles.ts';
import type { Results } from '../../shared/schemas/files/results.ts';
import { bucketDefinition } from '../../shared/store/resources.ts';
import { getPublication } from '../../shared/store/results-store.ts';
import { listSteps } from '../../shared/store/pipeline-store.ts';
import { signToken } from './jwt.ts';
import { localDir, projectRoot } from './paths.ts';
import { runPipeline } from './pipeline-runner.ts';
import { parseYears } from './cycle-args.ts';
import { createProgress } from './progress.ts';
import { localReportName } from './report-files.ts';
import { startRuntime, type Runtime } from './runtime.ts';
import { appraise, eachLimited, Http, importSurvey, selfAssess, surveyCsv, type SimUnit } from './simulation.ts';

const usage = 'usage: npm run cycle -- (--year YYYY | --years YYYY-YYYY) [--simulate]';
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const progress = createProgress(process.stdout);
const log = (line: string) => progress.line(line);
/** Units that submit late in the simulation: reminded before the deadline, they submit during the wait. */
const lateUnits = 3;

function args() {
  try {
    const { values } = parseArgs({
      options: {
        year: { type: 'string' },
        years: { type: 'string' },
        simulate: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
    if (values.help) {
      log(usage);
      process.exit(0);
    }
    return { years: parseYears(values.year, values.years), simulate: values.simulate === true };
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    process.exit(2);
  }
}

async function openCycle(http: Http, year: number): Promise<void> {
  const admin = await signToken({ role: 'admin' });
  const existing = await fetch(`${http.url}/v1/cycles/${year}`, { headers: { authorization: `Bearer ${admin}` } });
  if (existing.status === 200) {
    log(`cycle ${year} exists (phase ${((await existing.json()) as { phase: string }).phase})`);
    return;
  }
  const { note: _note, ...reference } = JSON.parse(readFileSync(join(projectRoot, 'reference', 'cycles', '2024.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  // Deadlines ahead (so units may still write); the machine's Wait states are shortened locally.
  const body = cycleForYear(cycleBody.parse(reference), year, new Date());
  await http.call('POST', '/v1/cycles', admin, body);
  for (const type of ['department', 'district', 'commune']) {
    const survey = JSON.parse(readFileSync(join(projectRoot, 'reference', 'surveys', `${type}-survey-2024.json`), 'utf8')) as {
      id: string;
    };
    await http.call('PUT', `/v1/cycles/${year}/surveys/${survey.id}`, admin, survey);
  }
  log(`cycle ${year} opened: self-assessment deadline ${body.deadlines.selfAssessment}, surveys defined`);
}

function printRanking(results: Partial<Record<string, Results>>, top = 5) {
  for (const [type, r] of Object.entries(results)) {
    if (!r) continue;
    const s = r.stats[type as keyof typeof r.stats];
    log(`\n${type}: ${r.units.length} units${s ? `, mean ${s.mean}, median ${s.median}, min ${s.min}, max ${s.max}` : ''}`);
    for (const u of r.units.slice(0, top))
      log(`  ${String(u.rank).padStart(3)}. ${u.index.toFixed(2).padStart(6)}  ${(u.band ?? '').padEnd(12)} ${u.name} (${u.unitId})`);
  }
}

/** A council reads its own draft and approves it with its own decision (simulated numbers). */
async function approveAs(http: Http, year: number, council: string, issuer: string): Promise<{ computedAt: string }> {
  const draft = await http.call<{ computedAt: string }>('GET', `/v1/cycles/${year}/results`, council);
  await http.call('POST', `/v1/cycles/${year}/results/approve`, council, {
    decision: `Quyết định số 01/QĐ-${issuer} năm ${year + 1} (mô phỏng)`,
    computedAt: draft.computedAt,
  });
  return draft;
}

/** One year: open and simulate it (with --simulate), run the machine, print the reports, reminders and the ranking. */
async function runYear(runtime: Runtime, http: Http, year: number, simulate: boolean, units: SimUnit[], dataDir: string): Promise<void> {
  const admin = await signToken({ role: 'admin' });
  const hooks: Parameters<typeof runPipeline>[0]['afterTask'] = {};
  if (simulate) {
    await openCycle(http, year);
    const cycle = await http.call<{ frameworks: Record<string, string>; surveys?: Record<string, string> }>(
      'GET',
      `/v1/cycles/${year}`,
      admin,
    );
    const assessed = units.filter((u) => cycle.frameworks[u.type]);
    const late = assessed.slice(-lateUnits);
    let leaves = 0;
    progress.phase('self-assessment', assessed.length - late.length);
    await eachLimited(
      assessed.slice(0, -lateUnits),
      4,
      async (u) => {
        leaves += (await selfAssess(http, year, u)).leaves;
      },
      () => progress.tick(),
    );
    progress.done(`${leaves} self scores with figures and evidence, submitted; ${late.map((u) => u.id).join(', ')} not yet`);

    hooks.RemindBeforeSelfAssessmentDeadline = async (output) => {
      // The late units act once reminded, while the machine waits for the deadline.
      if ((output as { reminders?: { sent: number } }).reminders?.sent === 0 || late.length === 0) return;
      const reminded = late.splice(0);
      for (const u of reminded) await selfAssess(http, year, u);
      log(`late units reminded (${reminded.map((u) => u.id).join(', ')}): self-assessed and submitted during the wait`);
    };
    hooks.CloseSubmission = async () => {
      const failed = (what: string) => (error: unknown) => {
        log(`  simulation: ${what} failed: ${(error as Error).message}`);
        throw error;
      };
      const surveys = Promise.all(
        Object.entries(cycle.surveys ?? {}).map(async ([type, surveyId]) => {
          const definition = await http.call('GET', `/v1/cycles/${year}/surveys/${surveyId}`, admin);
          const file = surveyCsv(
            definition.definition ?? definition,
            assessed.filter((u) => u.type === type),
            year,
          );
          // Generous: on a loaded 2-core machine the ingestion of a commune file can take minutes.
          const report = await importSurvey(http, year, surveyId, file.csv, 600_000);
          return `${surveyId}: ${report.accepted} of ${file.rows} rows accepted (${report.status})`;
        }),
      ).catch(failed('survey import'));
      let adjusted = 0;
      progress.phase('appraisal', assessed.length);
      await eachLimited(
        assessed,
        4,
        async (u) => {
          adjusted += (await appraise(http, year, u)).adjusted;
        },
        () => progress.tick(),
      ).catch(async (error: unknown) => {
        await surveys.catch(() => undefined);
        failed('appraisal')(error);
      });
      progress.done(`finalised, ${adjusted} scores lowered with a reason`);
      for (const line of await surveys) log(`survey import ${line}`);
    };
    let approvalSent = 0;
    let approval: Promise<void> | undefined;
    hooks.ComputeResults = async (output) => {
      // Every council the cycle needs reads its draft and approves a moment later, each with its own
      // decision, while the machine waits in AwaitApproval: the district councils first, the province last.
      const councils = (output as { councils?: string[] }).councils ?? ['province'];
      approval = (async () => {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const districts = councils.filter((c) => c !== 'province');
        await eachLimited(districts, 3, async (district) => {
          await approveAs(http, year, await signToken({ role: 'council', district }), `UBND ${district}`);
        });
        if (districts.length > 0) log(`district councils: ${districts.length} approved their communes, each with its own decision`);
        approvalSent = Date.now();
        const draft = await approveAs(http, year, await signToken({ role: 'council' }), 'HĐTĐ');
        log(`provincial council: approved the draft computed at ${draft.computedAt}`);
      })();
      approval.catch((error: unknown) => log(`  simulation: approval failed: ${(error as Error).message}`));
    };
    hooks.AwaitApproval = async (output) => {
      const via = (output as { via?: string }).via;
      log(
        `state machine resumed by the approval callback (${via}) ${seconds(Date.now() - approvalSent)} after the approval was sent, no poll`,
      );
    };
  }

  const t = Date.now();
  progress.phase('state machine', undefined, t);
  const result = await runPipeline({
    year,
    executionName: `cycle-${year}`,
    afterTask: hooks,
    // Simulated: the approval comes within seconds, so a timeout here would mean the callback was lost.
    approvalTimeoutMs: simulate ? 120_000 : 5000,
    onEvent: (line) => {
      progress.phase(`state machine: ${line.replace(/^StateEntered\s+/, '')}`, undefined, t);
      if (!line.startsWith('StateEntered')) log(`  state machine: ${line}`);
    },
  });
  progress.done();
  log(`state machine ${result.status} in ${seconds(Date.now() - t)}`);
  if (result.status !== 'SUCCEEDED') {
    const failure = (await listSteps(year)).find((s) => s.step === 'failure');
    throw new Error(
      `the pipeline of ${year} failed: ${result.error?.name}: ${result.error?.message}${failure ? ` (recorded at ${failure.at})` : ''}`,
    );
  }
  const publication = await getPublication(year);
  if (!publication) throw new Error(`the pipeline of ${year} ended without a publication`);
  await runtime.reports.idle();
  const bucket = bucketDefinition('reports').localName;
  log(`\ncouncil decisions of ${year}:`);
  for (const c of publication.councils) log(`  ${c.district ?? 'tỉnh'}: "${c.decision}" (${c.units} units, ${c.approvedAt})`);
  log(
    `\npublished reports of ${year} (decision "${publication.decision}"; bucket ${bucket}, also under ${join(runtime.reports.dir, String(year))}):`,
  );
  const districtFiles = publication.files.filter((f) => f.publishedBy?.council === 'district');
  if (districtFiles.length > 0)
    log(`  (${districtFiles.length} files of the district councils, named after their district, listed by /reports)`);
  for (const f of publication.files.filter((file) => file.publishedBy?.council !== 'district')) {
    const file = join(runtime.reports.dir, String(year), localReportName(f.name, year));
    const object = join(dataDir, 's3', bucket, `${f.key}._S3rver_object`);
    log(`  ${f.name}  ${f.bytes} bytes  sha256 ${f.sha256}`);
    log(`    ${existsSync(file) ? pathToFileURL(file).href : `(not copied) ${existsSync(object) ? object : f.key}`}`);
  }
  log(`  with npm start running: http://127.0.0.1:${process.env.PORT ?? 3000}/reports/${year}/results.html`);
  const outbox = runtime.env.OUTBOX_DIR;
  const mails = outbox && existsSync(outbox) ? readdirSync(outbox).sort() : [];
  log(`\nreminders: ${mails.length} messages in ${outbox}${mails[0] ? ` (e.g. ${mails[0]})` : ''}`);
  printRanking(publication.results);
}

async function main() {
  const { years, simulate } = args();
  const started = Date.now();
  const label = years.length === 1 ? String(years[0]) : `${years[0]}-${years.at(-1)}`;
  const dataDir = simulate ? localDir('simulations', `${label}-${new Date().toISOString().replace(/[:.]/g, '-')}`) : localDir();
  log(simulate ? `simulation of ${label}: data under ${dataDir}` : `pipeline of ${label} over ${dataDir}`);
  let runtime: Runtime | undefined;
  const stop = async () => {
    await runtime?.stop().catch(() => undefined);
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  let year = years[0]!;
  try {
    // Reports land in .local/reports/<year>/ whichever data directory the simulation uses.
    runtime = await startRuntime({ port: 0, dataDir, inMemory: simulate, reportsDir: localDir('reports') });
    const http = new Http(runtime.url);
    log(`local API on ${runtime.url} (${seconds(Date.now() - started)})`);
    const admin = await signToken({ role: 'admin' });
    const units = simulate ? (await http.call<{ units: SimUnit[] }>('GET', '/v1/units', admin)).units : [];
    for (year of years) {
      if (years.length > 1) log(`\n=== ${year} ===`);
      await runYear(runtime, http, year, simulate, units, dataDir);
    }
    log(`\ndone in ${seconds(Date.now() - started)}`);
    await stop();
    process.exit(0);
  } catch (error) {
    process.stderr.write(`\ncycle ${year}: ${(error as Error).message}\n`);
    await stop();
    process.exit(1);
  }
}

void main();
