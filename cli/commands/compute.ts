/**
 * `par compute --framework F.json --scores S.json [--survey V.json] [--format json|table]`
 *
 * Offline index computation (DESIGN §3.3, §3.4). Results JSON (or a Vietnamese table) on stdout.
 * Any invalid input: exit code 2, one line per problem on stderr (`path: rule`), nothing on stdout.
 * Every file is checked before anything is computed, so a run either prints complete results or
 * nothing.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { computeIndex } from '../../shared/domain/index-computation.ts';
import { parseFramework } from '../../shared/domain/framework.ts';
import { checkScores } from '../../shared/domain/scores-validation.ts';
import { compileSurvey, surveyLeafScore, tallyResponses } from '../../shared/domain/survey-aggregation.ts';
import type { SurveyLeafSource } from '../../shared/domain/scoring.ts';
import { fieldErrors, formatErrors, type FieldError } from '../../shared/schemas/issues.ts';
import { scoresFileSchema } from '../../shared/schemas/files/scores-file.ts';
import { surveyDefinitionSchema } from '../../shared/schemas/files/survey-file.ts';
import { resultsTable } from '../format/results-table.ts';

interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

const usage = 'usage: par compute --framework F.json --scores S.json [--survey V.json] [--format json|table]\n';

/** Invalid input: reported and turned into exit code 2 by `run`. */
class InputError extends Error {}

/** At most this many problems are listed; the rest are counted (a national file can have thousands). */
const maxListed = 50;

function invalid(file: string, errors: readonly FieldError[], more = 0): never {
  const hidden = more + Math.max(0, errors.length - maxListed);
  const extra = hidden > 0 ? `\n… and ${hidden} more` : '';
  throw new InputError(`par compute: invalid ${file}:\n${formatErrors(errors.slice(0, maxListed))}${extra}`);
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`par compute: cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new InputError(`par compute: ${file}: malformed JSON: ${(e as Error).message}`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export async function run(argv: string[], io: Io): Promise<number> {
  try {
    return compute(argv, io);
  } catch (e) {
    if (e instanceof InputError) {
      io.stderr(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function compute(argv: string[], io: Io): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        framework: { type: 'string' },
        scores: { type: 'string' },
        survey: { type: 'string' },
        format: { type: 'string', default: 'json' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new InputError(`par compute: ${(e as Error).message}\n${usage}`);
  }
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  if (!values.framework || !values.scores) throw new InputError(`par compute: --framework and --scores are required\n${usage}`);
  if (values.format !== 'json' && values.format !== 'table')
    throw new InputError(`par compute: --format must be "json" or "table", got "${values.format}"\n${usage}`);

  const parsed = parseFramework(readJson(values.framework));
  if (!parsed.ok) invalid(`framework ${values.framework}`, parsed.errors);
  const framework = parsed.framework;

  const scoresJson = readJson(values.scores);
  const scores = scoresFileSchema.safeParse(scoresJson);
  if (!scores.success) invalid(`scores file ${values.scores}`, fieldErrors(scores.error.issues, scoresJson));
  const units = scores.data.units;
  const check = checkScores(framework, units, { surveyFromFile: values.survey !== undefined });
  if (check.errors.length > 0) invalid(`scores file ${values.scores}`, check.errors);

  let survey: SurveyLeafSource | undefined;
  if (values.survey) {
    const file = `survey file ${values.survey}`;
    const surveyJson = readJson(values.survey);
    if (!isObject(surveyJson)) invalid(file, [{ path: '(root)', message: 'must be an object' }]);
    // The responses are checked one by one while counting, not copied by zod as a whole.
    const { responses = [], ...definitionJson } = surveyJson;
    const definition = surveyDefinitionSchema.safeParse(definitionJson);
    if (!definition.success) invalid(file, fieldErrors(definition.error.issues, definitionJson));
    if (!Array.isArray(responses)) invalid(file, [{ path: 'responses', message: 'must be an array of responses' }]);
    const compiled = compileSurvey(definition.data, framework);
    if (!compiled.ok) invalid(file, compiled.errors);
    const tally = tallyResponses(compiled.survey, responses, { knownUnits: new Set(units.map((u) => u.unitId)) });
    if (tally.errorCount > 0) invalid(file, tally.errors, tally.errorCount - tally.errors.length);
    if (tally.outOfGroup > 0)
      io.stderr(`par compute: note: ${tally.outOfGroup} answer(s) to questions not asked of the respondent's group were left out\n`);
    survey = (unitId, leaf) => surveyLeafScore(compiled.survey, tally.tally, unitId, leaf);
  }
  // A national file may repeat the same note thousands of times: show a few and count the rest.
  for (const w of check.warnings.slice(0, 5)) io.stderr(`par compute: note: ${w.path}: ${w.message}\n`);
  if (check.warnings.length > 5) io.stderr(`par compute: note: … and ${check.warnings.length - 5} more like these\n`);

  const results = computeIndex(framework, units, survey);
  io.stdout(values.format === 'table' ? resultsTable(framework, results) : `${JSON.stringify(results, null, 2)}\n`);
  return 0;
}
