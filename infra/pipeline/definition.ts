/**
 * The yearly pipeline, described once: the ASL file both CDK and the local runner read (built by
 * build-asl.ts), and its task functions (id, the definition substitution that names the function's
 * Lambda, the handler module). A function may serve several task states (SendReminders serves
 * both deadline waits). CDK substitutes each function's ARN; the local runner maps each task state
 * to its function's handler in the same process (aws-local-stepfunctions `taskResourceLocalHandlers`).
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
  {
    state: 'SendReminders',
    handler: 'functions/pipeline/send-reminders.ts',
    description: 'Pipeline: reload the cycle before a deadline, send the reminders due',
  },
  {
    state: 'AwaitApproval',
    handler: 'functions/pipeline/await-approval.ts',
    description: "Pipeline: store the task token the council's approval sends back",
  },
] as const;

export type PipelineTaskState = (typeof pipelineTasks)[number]['state'];

/** The substitution variable of a task's Lambda ARN in the ASL file. */
export const substitutionOf = (state: PipelineTaskState) => `${state}FunctionArn`;

/** Each Task state of a definition → the function it runs (from the substitution it names). */
export function taskStatesOf(definition: { States: Record<string, Record<string, unknown>> }): Record<string, PipelineTaskState> {
  const byVariable = new Map(pipelineTasks.map((t) => [substitutionOf(t.state), t.state]));
  const found: Record<string, PipelineTaskState> = {};
  for (const [name, state] of Object.entries(definition.States)) {
    if (state.Type !== 'Task') continue;
    const [variable] = placeholders(JSON.stringify({ r: state.Resource, p: (state.Parameters as Record<string, unknown>)?.FunctionName }));
    const fn = variable ? byVariable.get(variable) : undefined;
    if (!fn) throw new Error(`task state ${name} names no pipeline function`);
    found[name] = fn;
  }
  return found;
}

/** Task states that wait for a callback (`.waitForTaskToken`): their Lambda gets `Parameters.Payload`. */
export const isCallbackTask = (state: Record<string, unknown>) => String(state.Resource).endsWith('.waitForTaskToken');

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
