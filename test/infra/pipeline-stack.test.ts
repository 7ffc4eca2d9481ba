import { readFileSync } from 'node:fs';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { localSubstitutions } from '../../infra/local/pipeline-runner.ts';
import { aslText, failureCatch, retryPolicy } from '../../infra/pipeline/build-asl.ts';
import {
  aslPath,
  pipelineTasks,
  placeholders,
  readAsl,
  substitute,
  substitutionOf,
  taskStatesOf,
} from '../../infra/pipeline/definition.ts';
import { pipelineFunctionSize, yearlySchedule } from '../../infra/stacks/pipeline-stack.ts';
import { buildStage, logicalIdOf } from './support.ts';

type AslState = {
  Type: string;
  Resource?: string;
  Parameters?: Record<string, unknown>;
  TimeoutSeconds?: number;
  Retry?: { ErrorEquals: string[] }[];
  Catch?: { ErrorEquals: string[]; Next: string }[];
  Next?: string;
  Default?: string;
  Choices?: { Next: string }[];
};

describe('the pipeline definition (one ASL file for CDK and the local runner)', () => {
  const text = readAsl();
  const asl = JSON.parse(text) as { StartAt: string; States: Record<string, AslState> };
  const built = buildStage();
  const template = built.template(built.stage.pipeline);

  it('is valid JSON whose every placeholder the CDK stack and the local runner both supply', () => {
    const wanted = pipelineTasks.map((t) => substitutionOf(t.state)).sort();
    expect(placeholders(text)).toEqual(wanted);
    const machine = Object.values(template.findResources('AWS::StepFunctions::StateMachine'))[0]!;
    expect(Object.keys(machine.Properties.DefinitionSubstitutions).sort()).toEqual(wanted);
    expect(Object.keys(localSubstitutions).sort()).toEqual(wanted);
    expect(() => JSON.parse(substitute(text, localSubstitutions))).not.toThrow();
  });

  it('deploys the file as it is (an S3 asset of the file) with the task ARNs as CloudFormation substitutions', () => {
    const machine = Object.values(template.findResources('AWS::StepFunctions::StateMachine'))[0]!;
    expect(machine.Properties.DefinitionString).toBeUndefined();
    expect(machine.Properties.DefinitionS3Location).toMatchObject({ Bucket: expect.anything(), Key: expect.stringMatching(/\.json$/) });
    expect(readFileSync(aslPath, 'utf8')).toBe(text);
    for (const task of pipelineTasks) {
      const fn = built.stage.pipeline.functions[task.state];
      expect(machine.Properties.DefinitionSubstitutions[substitutionOf(task.state)]).toEqual({ 'Fn::GetAtt': [logicalIdOf(fn), 'Arn'] });
    }
  });

  it('is generated from one retry policy: the checked-in file is what build-asl.ts emits', () => {
    expect(text).toBe(aslText());
  });

  it('runs every task function from a task state, each retried by the one policy and caught into the failure report', () => {
    const states = taskStatesOf(asl as never);
    expect(new Set(Object.values(states))).toEqual(new Set(pipelineTasks.map((t) => t.state)));
    for (const [name, fn] of Object.entries(states)) {
      const state = asl.States[name]!;
      const resource =
        state.Resource === 'arn:aws:states:::lambda:invoke.waitForTaskToken' ? state.Parameters?.FunctionName : state.Resource;
      expect(resource, name).toBe(`\${${substitutionOf(fn)}}`);
      expect(state.Retry!.at(-1)!.ErrorEquals, name).toEqual(['States.ALL']);
      if (fn === 'ReportFailure') continue;
      expect(state.Retry!.slice(-retryPolicy.length), name).toEqual(retryPolicy);
      expect(state.Catch!.at(-1), name).toEqual(failureCatch);
    }
  });

  it('waits for the approval by task token, polling only when the callback does not come within 6 hours', () => {
    const wait = asl.States.AwaitApproval!;
    expect(wait.Resource).toBe('arn:aws:states:::lambda:invoke.waitForTaskToken');
    expect(wait.Parameters).toMatchObject({ Payload: { 'taskToken.$': '$$.Task.Token' } });
    expect(wait.TimeoutSeconds).toBe(21_600);
    expect(wait.Retry![0]).toEqual({ ErrorEquals: ['States.Timeout'], MaxAttempts: 0 });
    expect(wait.Catch![0]).toMatchObject({ ErrorEquals: ['States.Timeout'], Next: 'CheckPublication' });
    expect(asl.States.IsPublished!.Default).toBe('AwaitApproval');
  });

  it('reloads the cycle after every deadline wait and waits again while the deadline lies ahead', () => {
    for (const [wait, remind] of [
      ['WaitForSelfAssessmentDeadline', 'RemindBeforeSelfAssessmentDeadline'],
      ['WaitForFinalAppraisalDeadline', 'RemindBeforeFinalAppraisalDeadline'],
    ] as const) {
      expect(asl.States[wait]).toMatchObject({ Type: 'Wait', Next: remind });
      const passed = asl.States[asl.States[remind]!.Next!]!;
      expect(passed.Type).toBe('Choice');
      expect(passed.Default).toBe(wait);
    }
  });

  it('has a path from every state to the end', () => {
    const targets = (s: AslState) =>
      [s.Next, s.Default, ...(s.Choices ?? []).map((c) => c.Next), ...(s.Catch ?? []).map((c) => c.Next)].filter(Boolean) as string[];
    for (const [name, state] of Object.entries(asl.States))
      for (const t of targets(state)) expect(asl.States[t], `${name} → ${t}`).toBeDefined();
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      targets(asl.States[name]!).forEach(visit);
    };
    visit(asl.StartAt);
    expect([...seen].sort()).toEqual(Object.keys(asl.States).sort());
    expect(asl.States.PipelineFailed!.Type).toBe('Fail');
    expect(asl.States.Published!.Type).toBe('Succeed');
  });

  it('is a STANDARD state machine, logging every event with execution data to a log group, traced', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: {
        Level: 'ALL',
        IncludeExecutionData: true,
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: Match.anyValue() } }],
      },
    });
  });

  it('may invoke exactly the task functions, which are house functions with the table (and reports bucket) they use', () => {
    const fns = pipelineTasks.map((t) => built.stage.pipeline.functions[t.state]);
    // The state machine's role (the ingestion's re-drive schedule has its own, test/infra/ingestion.test.ts).
    const machineRole = logicalIdOf(built.stage.pipeline.stateMachine.role);
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
      (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === machineRole),
    );
    const invoke = policies
      .flatMap((p) => p.Properties.PolicyDocument.Statement)
      .filter((s: { Action: unknown }) => [s.Action].flat().includes('lambda:InvokeFunction'));
    expect(invoke).toHaveLength(1);
    const ids = (list: { 'Fn::GetAtt': string[] }[]) => list.map((r) => r['Fn::GetAtt'][0]).sort();
    expect(ids(invoke[0].Resource)).toEqual(fns.map((f) => logicalIdOf(f)).sort());
    for (const task of pipelineTasks) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Description: task.description,
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        MemorySize: pipelineFunctionSize.memorySize,
        Timeout: pipelineFunctionSize.timeout.toSeconds(),
      });
    }
  });

  it('lets the reminders read the user pool and mail from the configured sender, and the report function (not the approval) resume the machine', () => {
    const withSender = buildStage({ adminEmail: 'cchc@snv.example.gov.vn' });
    const pipelineTemplate = withSender.template(withSender.stage.pipeline);
    const reminders = withSender.stage.pipeline.functions.SendReminders;
    pipelineTemplate.hasResourceProperties('AWS::Lambda::Function', {
      Description: pipelineTasks.find((t) => t.state === 'SendReminders')!.description,
      Environment: {
        Variables: Match.objectLike({
          USER_POOL_ID: Match.anyValue(),
          MAIL_FROM: 'cchc@snv.example.gov.vn',
          REMINDER_OFFSETS: '7d,2d,morning',
        }),
      },
    });
    const statements = (t: typeof pipelineTemplate) =>
      Object.values(t.findResources('AWS::IAM::Policy')).flatMap(
        (p) => p.Properties.PolicyDocument.Statement as { Action: unknown; Resource: unknown }[],
      );
    const ses = statements(pipelineTemplate).filter((s) => [s.Action].flat().includes('ses:SendEmail'));
    expect(ses).toHaveLength(1);
    expect(JSON.stringify(ses[0]!.Resource)).toContain('identity/cchc@snv.example.gov.vn');
    expect(JSON.stringify(ses[0]!.Resource)).toContain('identity/snv.example.gov.vn');
    expect(statements(pipelineTemplate).some((s) => [s.Action].flat().includes('cognito-idp:ListUsersInGroup'))).toBe(true);
    expect(reminders).toBeDefined();
    const apiTemplate = withSender.template(withSender.stage.api);
    expect(statements(apiTemplate).filter((s) => [s.Action].flat().includes('states:SendTaskSuccess'))).toHaveLength(0);
    // AwaitApproval (an immediate answer when already published) and the report function.
    expect(statements(pipelineTemplate).filter((s) => [s.Action].flat().includes('states:SendTaskSuccess'))).toHaveLength(2);
  });

  it('is started yearly by EventBridge Scheduler in Vietnam time with the scheduled time as input', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: `cron(${yearlySchedule.minute} ${yearlySchedule.hour} ${yearlySchedule.day} ${yearlySchedule.month} ? *)`,
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
      Target: {
        Arn: { Ref: logicalIdOf(built.stage.pipeline.stateMachine) },
        Input: JSON.stringify({ scheduledTime: '<aws.scheduler.scheduled-time>' }),
      },
    });
  });
});
