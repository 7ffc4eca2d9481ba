/**
 * cdk-nag (AwsSolutions) as the app's policy validation, plus acknowledgments by pattern.
 *
 * cdk-nag 3 reads acknowledgments from `Validations.of(construct).acknowledge({ id, reason })`
 * and matches finding ids exactly (`AwsSolutions-IAM5[Resource::...]`). A finding about a
 * resource of another stack embeds the cross-stack reference CDK generates for it (an output
 * name with a hash), which a construct cannot know when it makes the grant. `acknowledgePattern`
 * records a regular expression with its reason on an owned construct instead, and `ParNagChecks`
 * drops the findings it covers on that construct and its children; everything else is cdk-nag's.
 */
import type { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

export const patternAcknowledgmentKey = 'par:acknowledged-finding-pattern';

export interface PatternAcknowledgment {
  /** Regular expression over the whole finding id, e.g. `^AwsSolutions-IAM5\[Resource::.+/\*\]$`. */
  readonly pattern: string;
  readonly reason: string;
}

export function acknowledgePattern(scope: IConstruct, ack: PatternAcknowledgment): void {
  if (ack.reason.trim().length < 20) throw new Error(`acknowledgment of ${ack.pattern} needs a written reason`);
  new RegExp(ack.pattern); // fail early on a malformed pattern
  scope.node.addMetadata(patternAcknowledgmentKey, ack);
}

/** Pattern acknowledgments on the construct at `path` and its ancestors. */
function patternsAt(root: IConstruct, path: string): PatternAcknowledgment[] {
  const found: PatternAcknowledgment[] = [];
  let node: IConstruct | undefined = root;
  const collect = (n: IConstruct) => {
    for (const entry of n.node.metadata) {
      if (entry.type === patternAcknowledgmentKey) found.push(entry.data as PatternAcknowledgment);
    }
  };
  collect(root);
  for (const part of path.split('/').filter(Boolean)) {
    node = node?.node.tryFindChild(part);
    if (!node) break;
    collect(node);
  }
  return found;
}

export class ParNagChecks implements IPolicyValidationPlugin {
  readonly name = 'AwsSolutions';
  private readonly checks: AwsSolutionsChecks;

  constructor(scope?: IConstruct) {
    this.checks = new AwsSolutionsChecks(scope, { verbose: true });
  }

  validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    return this.withoutAcknowledged(this.checks.validate(context), context.appConstruct);
  }

  /** Runs the checks on a construct tree directly (tests). */
  validateScope(scope: IConstruct): PolicyValidationPluginReport {
    return this.withoutAcknowledged(this.checks.validateScope(scope), scope);
  }

  private withoutAcknowledged(report: PolicyValidationPluginReport, root: IConstruct): PolicyValidationPluginReport {
    const violations = report.violations
      .map((violation) => ({
        ...violation,
        violatingResources: violation.violatingResources.filter(
          (resource) => !patternsAt(root, resource.constructPath ?? '').some((ack) => new RegExp(ack.pattern).test(violation.ruleName)),
        ),
      }))
      .filter((violation) => violation.violatingResources.length > 0);
    return { ...report, violations, success: violations.length === 0 };
  }
}
