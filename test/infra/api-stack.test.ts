import { Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { tableActions, bucketActions } from '../../infra/constructs/app-function.ts';
import { functionSizes, throttling } from '../../infra/stacks/api-stack.ts';
import { localPublicLimits } from '../../infra/local/public-throttle.ts';
import type { RouteDefinition } from '../../shared/routes.ts';
import { routeList } from '../../shared/routes.ts';
import { bucketDefinition, tableDefinition } from '../../shared/store/resources.ts';
import { buildStage, logicalIdOf, routesWithPublicBucketRoute } from './support.ts';

type Route = RouteDefinition & { readonly id: string };
type Resource = { Type: string; Properties: Record<string, any> };

function functionOf(template: Template, route: Route): Resource {
  const found = Object.values(
    template.findResources('AWS::Lambda::Function', {
      Properties: { Description: `${route.method} ${route.path}` },
    }),
  );
  expect(found, `one function for ${route.method} ${route.path}`).toHaveLength(1);
  return found[0] as Resource;
}

function policyOf(template: Template, fn: Resource): { Action: string | string[]; Resource: unknown }[] {
  const roleRef = fn.Properties.Role['Fn::GetAtt'][0] as string;
  const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
    (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleRef),
  );
  return policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
}

const actionsOf = (statements: { Action: string | string[] }[]) => statements.flatMap((s) => [s.Action].flat());

describe.each([
  { name: 'the route table', routes: routeList as readonly Route[] },
  { name: 'the route table plus a public route using every bucket', routes: routesWithPublicBucketRoute as readonly Route[] },
])('api stack from $name', ({ routes }) => {
  const built = buildStage({}, { routes });
  const template = built.template(built.stage.api);
  const authorizerId = logicalIdOf(built.stage.api.node.findChild('Api').node.findChild('CognitoAuthorizer'));

  it('has one function per route: nodejs22.x on arm64, traced, with its own log group', () => {
    template.resourceCountIs('AWS::Lambda::Function', routes.length);
    for (const route of routes) {
      const fn = functionOf(template, route);
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        MemorySize: functionSizes[route.size ?? 'small'].memorySize,
        Timeout: functionSizes[route.size ?? 'small'].timeout.toSeconds(),
        LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
      });
      const logGroup = template.findResources('AWS::Logs::LogGroup')[fn.Properties.LoggingConfig.LogGroup.Ref]!;
      expect(logGroup.Properties.RetentionInDays).toBe(30);
    }
    template.resourceCountIs('Custom::LogRetention', 0);
    template.resourceCountIs('Custom::CDKBucketDeployment', 0);
  });

  it('sets the Powertools, source-map, table and bucket environment of every function', () => {
    for (const route of routes) {
      const env = functionOf(template, route).Properties.Environment.Variables as Record<string, unknown>;
      expect(env).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'par-index',
        POWERTOOLS_METRICS_NAMESPACE: `ParIndex/${built.config.stage}`,
      });
      // External maps, never parsed at start-up (see appBundling in app-function.ts).
      expect(env.NODE_OPTIONS, route.id).toBeUndefined();
      expect(env[tableDefinition.envVar]).toBeDefined();
      for (const use of route.buckets ?? []) expect(env[bucketDefinition(use.id).envVar], `${route.id} ${use.id}`).toBeDefined();
    }
  });

  it('grants read-only table access to GET routes and read-write otherwise, on the table and its named indexes', () => {
    for (const route of routes) {
      const statements = policyOf(template, functionOf(template, route));
      const dynamo = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('dynamodb:')));
      expect(dynamo).toHaveLength(1);
      const expected = tableActions[route.method === 'GET' ? 'read' : 'readWrite'];
      expect(actionsOf(dynamo).sort()).toEqual([...expected].sort());
      expect(JSON.stringify(dynamo[0]!.Resource)).not.toContain('*');
      for (const index of tableDefinition.globalSecondaryIndexes) {
        expect(JSON.stringify(dynamo[0]!.Resource)).toContain(`/index/${index.indexName}`);
      }
    }
  });

  it('grants bucket access exactly as the route declares it, never delete', () => {
    for (const route of routes) {
      const s3 = actionsOf(policyOf(template, functionOf(template, route))).filter((a) => a.startsWith('s3:'));
      const expected = (route.buckets ?? []).flatMap((use) => [...bucketActions[use.access].objects, ...bucketActions[use.access].bucket]);
      expect([...new Set(s3)].sort(), route.id).toEqual([...new Set(expected)].sort());
      expect(s3.filter((a) => /Delete|\*/.test(a))).toEqual([]);
    }
  });

  it('has one route per entry with the JWT authorizer, or none for public routes', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Route', routes.length);
    for (const route of routes) {
      template.hasResourceProperties(
        'AWS::ApiGatewayV2::Route',
        route.access === 'public'
          ? { RouteKey: `${route.method} ${route.path}`, AuthorizationType: 'NONE', AuthorizerId: Match.absent() }
          : { RouteKey: `${route.method} ${route.path}`, AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } },
      );
    }
  });

  it('authorizer checks Cognito tokens of the app client', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [Match.anyValue()],
        Issuer: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('amazonaws.com/$')])] },
      },
    });
  });

  it('default stage: auto-deployed, throttled, JSON access logs; public routes throttled tighter', () => {
    const publicRoutes = routes.filter((r) => r.access === 'public');
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: throttling.stage.rateLimit,
        ThrottlingBurstLimit: throttling.stage.burstLimit,
        DetailedMetricsEnabled: true,
      },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.anyValue() },
      RouteSettings:
        publicRoutes.length === 0
          ? Match.absent()
          : Object.fromEntries(
              publicRoutes.map((r) => [
                `${r.method} ${r.path}`,
                { ThrottlingRateLimit: throttling.publicRoute.rateLimit, ThrottlingBurstLimit: throttling.publicRoute.burstLimit },
              ]),
            ),
    });
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0]!;
    const format = JSON.parse(stage.Properties.AccessLogSettings.Format as string) as Record<string, string>;
    expect(format.requestId).toBe('$context.requestId');
    expect(format.status).toBe('$context.status');
    // The local runtime throttles public routes with the same limits (infra/local/public-throttle.ts).
    expect(localPublicLimits).toEqual(throttling.publicRoute);
  });

  it('answers CORS preflight for every method the routes use', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({
        AllowMethods: Match.arrayWith([...new Set(routes.map((r) => r.method)), 'OPTIONS']),
        AllowHeaders: Match.arrayWith(['authorization', 'content-type']),
      }),
    });
  });
});

describe('api stack with a custom domain', () => {
  const built = buildStage({ domainName: 'api.par.example.gov.vn' });
  const template = built.template(built.stage.api);

  it('maps the domain to the default stage with a DNS-validated certificate', () => {
    template.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'api.par.example.gov.vn',
      ValidationMethod: 'DNS',
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', { DomainName: 'api.par.example.gov.vn' });
    template.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
  });
});
