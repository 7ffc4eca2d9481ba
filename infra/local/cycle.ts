/**
 * `npm run cycle -- --year YYYY [--simulate]`: runs the yearly state machine (the ASL file CDK
 * deploys, infra/pipeline/cycle.asl.json) on the local runtime, Wait states shortened.
 *
 * --simulate   a fresh runtime: DynamoDB Local in memory, S3 data under .local/simulations/YYYY-<time>/
 *              (kept, so the published reports can be opened afterwards). Opens the cycle YYYY with
 *              deadlines ahead, the units self-assess and submit (three late: they are reminded,
 *              into the outbox, and submit during the deadline wait), the machine starts; after it
 *              closes submission, appraisers appraise and survey CSV files are imported through the
 *              import route (ingested on the upload event); the council approves while the machine
 *              waits for its callback, which resumes it. Prints the reports (key, file, sha256), the
 *              reminders written and the top units per type. Progress (phase, units, elapsed) as it goes.
 * without      the runtime over .local/ (stop `npm start` first: one DynamoDB Local per data file),
 *              the machine over the cycle as it is; the API stays up on the printed URL so the council
 *              can approve (POST /v1/cycles/YYYY/results/approve, token: npx par token --role council).
 * Exit code 0 when the execution succeeded, 1 when it failed, 2 on a bad command line.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cycleForYear } from '../../shared/domain/cycle.ts';
import { cycleBody } from '../../shared/schemas/cycles.ts';
import type { Results } from '../../shared/schemas/results.ts';
import { bucketDefinition } from '../../shared/store/resources.ts';
import { getPublication } from '../../shared/store/results-store.ts';
import { listSteps } from '../../shared/store/pipeline-store.ts';
import { signToken } from './jwt.ts';
import { localDir, projectRoot } from './paths.ts';
import { runPipeline } from './pipeline-runner.ts';
import { createProgress } from './progress.ts';
import { startRuntime, type Runtime } from './runtime.ts';
import { appraise, eachLimited, Http, importSurvey, selfAssess, surveyCsv, type SimUnit } from './simulation.ts';

const usage = 'usage: npm run cycle -- --year YYYY [--simulate]';
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const progress = createProgress(process.stdout);
const log = (line: string) => progress.line(line);
/** Units that submit late in the simulation: reminded before the deadline, they submit during the wait. */
const lateUnits = 3;

function args() {
  try {
    const { values } = parseArgs({
      options: { year: { type: 'string' }, simulate: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
    });
    if (values.help) {
      log(usage);
      process.exit(0);
    }
    const year = Number(values.year);
    if (!values.year || !Number.isInteger(year) || year < 2000 || year > 2100)
      throw new Error('--year must be a year between 2000 and 2100');
    return { year, simulate: values.simulate === true };
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

async function main() {
  const { year, simulate } = args();
  const started = Date.now();
  const dataDir = simulate ? localDir('simulations', `${year}-${new Date().toISOString().replace(/[:.]/g, '-')}`) : localDir();
  log(simulate ? `simulation of ${year}: data under ${dataDir}` : `pipeline of ${year} over ${dataDir}`);
  let runtime: Runtime | undefined;
  const stop = async () => {
    await runtime?.stop().catch(() => undefined);
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  try {
    runtime = await startRuntime({ port: 0, dataDir, inMemory: simulate });
    const http = new Http(runtime.url);
    log(`local API on ${runtime.url} (${seconds(Date.now() - started)})`);
    const admin = await signToken({ role: 'admin' });
    const units = simulate ? (await http.call<{ units: SimUnit[] }>('GET', '/v1/units', admin)).units : [];

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
            const report = await importSurvey(http, year, surveyId, file.csv);
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
      hooks.ComputeResults = async () => {
        // The council reads the draft and approves a moment later, while the machine waits in AwaitApproval.
        approval = (async () => {
          await new Promise((resolve) => setTimeout(resolve, 500));
          const council = await signToken({ role: 'council' });
          const draft = await http.call('GET', `/v1/cycles/${year}/results`, council);
          approvalSent = Date.now();
          await http.call('POST', `/v1/cycles/${year}/results/approve`, council, {
            decision: `Quyết định số 01/QĐ-HĐTĐ năm ${year + 1} (mô phỏng)`,
            computedAt: draft.computedAt,
          });
          log(`council: approved the draft computed at ${draft.computedAt}`);
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
    const bucket = bucketDefinition('reports').localName;
    log(`\npublished reports (bucket ${bucket}, decision "${publication.decision}"):`);
    for (const f of publication.files) {
      const path = join(dataDir, 's3', bucket, `${f.key}._S3rver_object`);
      log(`  ${f.key}\n    sha256 ${f.sha256}  ${f.bytes} bytes${existsSync(path) ? `\n    ${path}` : ''}`);
    }
    const outbox = runtime.env.OUTBOX_DIR;
    const mails = outbox && existsSync(outbox) ? readdirSync(outbox).sort() : [];
    log(`\nreminders: ${mails.length} messages in ${outbox}${mails[0] ? ` (e.g. ${mails[0]})` : ''}`);
    printRanking(publication.results);
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
