/**
 * Builds the yearly state machine's ASL (infra/pipeline/cycle.asl.json) from one declaration of
 * the retry policy, the failure catch and the task shape, so no Retry/Catch block is written by
 * hand. The file stays checked in (CDK and the local runner read it; reviews see the diff); a
 * test regenerates it and compares. Regenerate: `npm run asl`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { permanentErrors, retryableErrors } from '../../shared/domain/pipeline.ts';
import { aslPath, substitutionOf, type PipelineTaskState } from './definition.ts';

type Json = Record<string, unknown>;

/** The one retry policy of every pipeline task: permanent errors at once, conditions slowly, the rest quickly with jitter. */
export const retryPolicy = [
  { ErrorEquals: [...permanentErrors], MaxAttempts: 0 },
  { ErrorEquals: [...retryableErrors], IntervalSeconds: 60, MaxAttempts: 8, BackoffRate: 2, MaxDelaySeconds: 3600 },
  { ErrorEquals: ['States.ALL'], IntervalSeconds: 5, MaxAttempts: 4, BackoffRate: 2, MaxDelaySeconds: 300, JitterStrategy: 'FULL' },
] as const;

/** Every task's failure goes to the report (which has its own, shorter retry and no catch into itself). */
export const failureCatch = { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'ReportFailure' } as const;
export const taskTimeoutSeconds = 360;
/** How long the machine waits for the approval callback before it polls: the fallback poll interval. */
export const approvalTimeoutSeconds = 6 * 3600;

const taskParameters = { 'year.$': '$.year', 'execution.$': '$$.Execution.Name' };

interface TaskOptions {
  comment: string;
  resultPath: string;
  next: string;
  parameters?: Json;
}

function task(fn: PipelineTaskState, o: TaskOptions): Json {
  return {
    Type: 'Task',
    Comment: o.comment,
    Resource: `\${${substitutionOf(fn)}}`,
    Parameters: { ...taskParameters, ...o.parameters },
    ResultPath: o.resultPath,
    TimeoutSeconds: taskTimeoutSeconds,
    Retry: retryPolicy,
    Catch: [failureCatch],
    Next: o.next,
  };
}

/**
 * A deadline wait that notices moves: reload the cycle and send the reminders due, then either the
 * deadline has passed (→ `after`) or wait until the next reminder or the deadline and look again.
 */
function deadlineWait(
  stage: 'submission' | 'appraisal',
  names: { remind: string; passed: string; wait: string },
  after: string,
  what: string,
) {
  return {
    [names.remind]: task('SendReminders', {
      comment: `Reloads the cycle (a moved ${what}, per-unit extensions), sends the reminders due, plans the next wake-up.`,
      resultPath: '$.cycle',
      next: names.passed,
      parameters: { stage, 'cycle.$': '$.cycle' },
    }),
    [names.passed]: {
      Type: 'Choice',
      Choices: [{ Variable: '$.cycle.passed', BooleanEquals: true, Next: after }],
      Default: names.wait,
    },
    [names.wait]: {
      Type: 'Wait',
      Comment: `Until the next reminder or the ${what}, whichever comes first; then the cycle is read again.`,
      TimestampPath: '$.cycle.wakeAt',
      Next: names.remind,
    },
  };
}

const approvalStates = {
  AwaitApproval: {
    Type: 'Task',
    Comment:
      'Waits for every council the cycle needs (the provincial council, and each district council for its communes): the task stores its token ' +
      'on the cycle and the report function sends it back once the last approval (POST /v1/cycles/{year}/results/approve) is published ' +
      "and every council's report files are written; earlier ones leave it waiting. " +
      `After ${approvalTimeoutSeconds / 3600} hours without a callback it polls instead (CheckPublication), then waits again with a new token.`,
    Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
    Parameters: {
      FunctionName: `\${${substitutionOf('AwaitApproval')}}`,
      Payload: { ...taskParameters, 'taskToken.$': '$$.Task.Token' },
    },
    ResultPath: '$.approvalCallback',
    TimeoutSeconds: approvalTimeoutSeconds,
    Retry: [{ ErrorEquals: ['States.Timeout'], MaxAttempts: 0 }, ...retryPolicy],
    Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: '$.approvalTimeout', Next: 'CheckPublication' }, failureCatch],
    Next: 'CheckPublication',
  },
  CheckPublication: task('CheckPublication', {
    comment:
      'published once every council the cycle needs approved and its report files are written (callback or poll), else the councils awaited ' +
      'and those whose reports are pending; ApprovalOverdue long after the publication deadline.',
    resultPath: '$.approval',
    next: 'IsPublished',
  }),
  IsPublished: {
    Type: 'Choice',
    Choices: [{ Variable: '$.approval.published', BooleanEquals: true, Next: 'ConfirmPublication' }],
    Default: 'AwaitApproval',
  },
};

export function buildAsl(): Json {
  return {
    Comment:
      'PAR Index: one yearly cycle, from the self-assessment deadline to the published reports. Input: {"year": YYYY}, or {"scheduledTime": "YYYY-..."} from the yearly schedule. ' +
      'Generated by infra/pipeline/build-asl.ts (do not edit by hand); read by CDK (infra/stacks/pipeline-stack.ts) and by the local runner (infra/local/pipeline-runner.ts); ' +
      'each task resource is a definition substitution named <Function>FunctionArn.',
    StartAt: 'YearGiven',
    States: {
      YearGiven: {
        Type: 'Choice',
        Comment: 'Started by hand with {"year": YYYY}, or by the yearly schedule with {"scheduledTime": ...} (the year of that time).',
        Choices: [{ Variable: '$.year', IsPresent: true, Next: 'LoadCycle' }],
        Default: 'YearFromSchedule',
      },
      YearFromSchedule: {
        Type: 'Pass',
        Parameters: {
          'year.$': "States.StringToJson(States.ArrayGetItem(States.StringSplit($.scheduledTime, '-'), 0))",
          'scheduledTime.$': '$.scheduledTime',
        },
        Next: 'LoadCycle',
      },
      LoadCycle: task('LoadCycle', { comment: "The cycle's phase and its deadlines.", resultPath: '$.cycle', next: 'AlreadyPublished' }),
      AlreadyPublished: {
        Type: 'Choice',
        Comment: 'A re-run after publication only confirms the published reports.',
        Choices: [{ Variable: '$.cycle.phase', StringEquals: 'published', Next: 'ConfirmPublication' }],
        Default: 'RemindBeforeSelfAssessmentDeadline',
      },
      ...deadlineWait(
        'submission',
        { remind: 'RemindBeforeSelfAssessmentDeadline', passed: 'SelfAssessmentDeadlinePassed', wait: 'WaitForSelfAssessmentDeadline' },
        'CloseSubmission',
        'self-assessment deadline',
      ),
      CloseSubmission: task('CloseSubmission', {
        comment: 'Cycle phase appraisal; units that did not submit are recorded.',
        resultPath: '$.submission',
        next: 'RemindBeforeFinalAppraisalDeadline',
      }),
      ...deadlineWait(
        'appraisal',
        { remind: 'RemindBeforeFinalAppraisalDeadline', passed: 'FinalAppraisalDeadlinePassed', wait: 'WaitForFinalAppraisalDeadline' },
        'AggregateSurveys',
        'final appraisal deadline',
      ),
      AggregateSurveys: task('AggregateSurveys', {
        comment: 'Every survey import finished (retried while one runs); units short of their sample recorded.',
        resultPath: '$.surveys',
        next: 'ComputeResults',
      }),
      ComputeResults: task('ComputeResults', {
        comment: "Cycle phase computation; every council's draft, computed as by POST /v1/cycles/{year}/results/compute.",
        resultPath: '$.draft',
        next: 'AwaitApproval',
      }),
      ...approvalStates,
      ConfirmPublication: task('ConfirmPublication', {
        comment: "Cycle published, every council's report files written, each in the reports bucket with its recorded checksum.",
        resultPath: '$.publication',
        next: 'Published',
      }),
      Published: { Type: 'Succeed' },
      ReportFailure: {
        Type: 'Task',
        Comment: 'Records the caught error on the cycle and logs it; then the execution fails.',
        Resource: `\${${substitutionOf('ReportFailure')}}`,
        Parameters: { ...taskParameters, 'error.$': '$.error' },
        ResultPath: '$.failureReport',
        TimeoutSeconds: 60,
        Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 5, MaxAttempts: 3, BackoffRate: 2 }],
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failureReportError', Next: 'PipelineFailed' }],
        Next: 'PipelineFailed',
      },
      PipelineFailed: {
        Type: 'Fail',
        Comment: 'The error of the task that failed.',
        ErrorPath: '$.error.Error',
        CausePath: '$.error.Cause',
      },
    },
  };
}

/** The file's text: what `npm run asl` writes and the test compares. */
export const aslText = () => `${JSON.stringify(buildAsl(), null, 2)}\n`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(aslPath, aslText());
  process.stdout.write(`wrote ${aslPath}\n`);
}
