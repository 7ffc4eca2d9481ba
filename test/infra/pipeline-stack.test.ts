import { readFileSync } from 'node:fs';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { localSubstitutions } from '../../infra/local/pipeline-runner.ts';
import { aslPath, pipelineTasks, placeholders, readAsl, substitute, substitutionOf } from '../../infra/pipeline/definition.ts';
import { pipelineFunctionSize, yearlySchedule } from '../../infra/stacks/pipeline-stack.ts';
import { buildStage, logicalIdOf } from './support.ts';

type AslState = {
  Type: string;
  Resource?: string;
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

  it('has a task state per task, each retried and caught into the failure report, and a path from every state', () => {
    for (const task of pipelineTasks) {
      const state = asl.States[task.state]!;
      expect(state.Type, task.state).toBe('Task');
      expect(state.Resource).toBe(`\${${substitutionOf(task.state)}}`);
      expect(state.Retry?.length, task.state).toBeGreaterThan(0);
      expect(state.Retry!.at(-1)!.ErrorEquals).toEqual(['States.ALL']);
      if (task.state !== 'ReportFailure')
        expect(state.Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'ReportFailure' }]);
    }
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
