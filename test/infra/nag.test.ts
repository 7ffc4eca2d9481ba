/**
 * cdk-nag's AwsSolutions pack over every stack of a stage, in the configurations that change what
 * gets deployed. cdk-nag 3 is a policy validation plugin: it reports violations instead of
 * annotations, so the test reads its report (the same one that fails `cdk synth`).
 */
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { ParNagChecks, patternAcknowledgmentKey, type PatternAcknowledgment } from '../../infra/nag.ts';
import { buildStage, routesWithPublicBucketRoute } from './support.ts';

const configurations = [
  { name: 'default stage', context: {}, routes: undefined },
  {
    name: 'ephemeral stage with admin, custom domain, threat protection and a public route using every bucket',
    context: {
      stage: 'pr7',
      ephemeral: 'true',
      adminEmail: 'admin@example.gov.vn',
      domainName: 'api.example.gov.vn',
      threatProtection: 'true',
    },
    routes: routesWithPublicBucketRoute,
  },
];

/** Every acknowledgment in the tree: cdk-nag's exact ones and our patterns, with their reasons. */
function acknowledgments(root: IConstruct): { path: string; id: string; reason: string }[] {
  return root.node.findAll().flatMap((c) =>
    c.node.metadata.flatMap((entry) => {
      if (entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY) {
        return Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({ path: c.node.path, id, reason }));
      }
      if (entry.type === patternAcknowledgmentKey) {
        const ack = entry.data as PatternAcknowledgment;
        return [{ path: c.node.path, id: ack.pattern, reason: ack.reason }];
      }
      return [];
    }),
  );
}

describe.each(configurations)('cdk-nag AwsSolutions: $name', ({ context, routes }) => {
  const built = buildStage(context, routes ? { routes } : {});
  const report = new ParNagChecks(built.app).validateScope(built.app);

  it('leaves no unacknowledged error', () => {
    const errors = report.violations
      .filter((v) => v.severity === 'error')
      .map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(errors).toEqual([]);
  });

  it('leaves no unacknowledged warning either (any finding fails cdk synth)', () => {
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('gives every acknowledgment a written reason', () => {
    const all = acknowledgments(built.app);
    expect(all.length).toBeGreaterThan(0);
    for (const ack of all) expect(ack.reason.trim().length, `${ack.path} ${ack.id}`).toBeGreaterThanOrEqual(40);
  });
});

describe('the cdk-nag validation gate', () => {
  it('fails the synth on an unacknowledged finding, and passes once it carries a reason', () => {
    const build = (acknowledge: boolean) => {
      const app = new App();
      const bucket = new Bucket(new Stack(app, 'Probe'), 'Unlogged', { enforceSSL: true });
      if (acknowledge) Validations.of(bucket).acknowledge({ id: 'AwsSolutions-S1', reason: 'probe bucket of the validation test' });
      Validations.of(app).addPlugins(new ParNagChecks(app));
      return () => app.synth();
    };
    expect(build(false)).toThrow(/AwsSolutions-S1/);
    expect(build(true)).not.toThrow();
  });
});
