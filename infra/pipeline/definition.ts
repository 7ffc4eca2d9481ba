/**
 * The yearly pipeline, described once: the ASL file both CDK and the local runner read, and its
 * tasks (state name, the definition substitution that names the task's Lambda, the handler module).
 * CDK substitutes each task's function ARN; the local runner maps each task state to its handler
 * in the same process (aws-local-stepfunctions `taskResourceLocalHandlers`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const aslPath = fileURLToPath(new URL('./cycle.asl.json', import.meta.url));

export const pipelineTasks = [
  { state: 'LoadCycle', handler: 'functions/pipeline/load-cycle.ts', description: 'Pipeline: load the cycle and its deadlines' },
  {
    state: 'CloseSubmission',
    handler: 'functions/pipeline/close-submission.ts',
    description: 'Pipeline: close submission, record units not submitted',
  },
  {
    state: 'AggregateSurveys',
    handler: 'functions/pipeline/aggregate-surveys.ts',
    description: 'Pipeline: check survey imports, record samples short of target',
  },
  { state: 'ComputeResults', handler: 'functions/pipeline/compute-draft-results.ts', description: 'Pipeline: compute the draft results' },
  {
    state: 'CheckPublication',
    handler: 'functions/pipeline/check-publication.ts',
    description: 'Pipeline: has the council approved and published?',
  },
  {
    state: 'ConfirmPublication',
    handler: 'functions/pipeline/confirm-publication.ts',
    description: 'Pipeline: confirm the published reports and checksums',
  },
  { state: 'ReportFailure', handler: 'functions/pipeline/report-failure.ts', description: 'Pipeline: record a failure' },
] as const;

export type PipelineTaskState = (typeof pipelineTasks)[number]['state'];

/** The substitution variable of a task's Lambda ARN in the ASL file. */
export const substitutionOf = (state: PipelineTaskState) => `${state}FunctionArn`;

/** The `${Name}` placeholders of the ASL text. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!))].sort();
}

export function readAsl(): string {
  return readFileSync(aslPath, 'utf8');
}

/** The definition with the substitutions applied (the local runner's ARNs are placeholders only). */
export function substitute(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\$\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no substitution for \${${name}} in ${aslPath}`);
    return value;
  });
}
