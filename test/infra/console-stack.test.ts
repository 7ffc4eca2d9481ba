/** The console in the cloud: private bucket behind CloudFront, strict headers, Cognito managed login, config.json. */
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildStage, logicalIdOf } from './support.ts';

const built = buildStage();
const site = built.template(built.stage.console);
const auth = built.template(built.stage.auth);
const api = built.template(built.stage.api);
const config = built.template(built.stage.consoleConfig);

const headerPolicy = () =>
  Object.values(site.findResources('AWS::CloudFront::ResponseHeadersPolicy'))[0]!.Properties.ResponseHeadersPolicyConfig
    .SecurityHeadersConfig;
/** A CloudFormation string, with Fn::Join parts flattened (tokens kept as their JSON). */
const flat = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join']
      ? (value as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1].map(flat).join('')
      : JSON.stringify(value);

describe('console stack', () => {
  it('keeps the files in a private, encrypted, TLS-only bucket read by CloudFront through origin access control', () => {
    site.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: Match.anyValue(),
    });
    site.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    site.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' }),
    });
    const policy = Object.values(site.findResources('AWS::S3::BucketPolicy')).map((p) => JSON.stringify(p.Properties.PolicyDocument));
    expect(policy.some((p) => p.includes('cloudfront.amazonaws.com') && p.includes('AWS:SourceArn'))).toBe(true);
    expect(policy.some((p) => p.includes('aws:SecureTransport'))).toBe(true);
  });

  it('serves HTTPS only, logs, compresses and answers the console routes with index.html', () => {
    site.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https', Compress: true }),
        Logging: Match.objectLike({ Prefix: 'cloudfront/' }),
        CustomErrorResponses: [
          { ErrorCode: 403, ResponseCode: 200, ResponsePagePath: '/index.html', ErrorCachingMinTTL: 10 },
          { ErrorCode: 404, ResponseCode: 200, ResponsePagePath: '/index.html', ErrorCachingMinTTL: 10 },
        ],
      }),
    });
  });

  it('sends a strict Content-Security-Policy, HSTS and the other security headers', () => {
    const headers = headerPolicy();
    const csp = flat(headers.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    expect(csp).toMatch(/connect-src 'self' https:\/\/\*\.execute-api\./);
    expect(headers.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 730 * 86400, IncludeSubdomains: true, Preload: true });
    expect(headers.ContentTypeOptions).toMatchObject({ Override: true });
    expect(headers.FrameOptions).toMatchObject({ FrameOption: 'DENY' });
    expect(headers.ReferrerPolicy).toMatchObject({ ReferrerPolicy: 'strict-origin-when-cross-origin' });
  });

  it('deploys the built files: hashed assets cached for a year, the pages never cached', () => {
    const deployments = Object.values(site.findResources('Custom::CDKBucketDeployment')).map((d) => d.Properties);
    expect(deployments.length).toBeGreaterThanOrEqual(1);
    const pages = deployments.find((d) => JSON.stringify(d.Exclude ?? []).includes('config.json'))!;
    expect(pages.SystemMetadata).toMatchObject({ 'cache-control': 'no-cache' });
    expect(pages.DistributionPaths).toEqual(['/index.html', '/']);
  });
});

describe('sign-in and the API for the console', () => {
  it('enables the OAuth code flow with the console’s callback and logout URLs, MFA still required', () => {
    const client = Object.values(auth.findResources('AWS::Cognito::UserPoolClient'))[0]!.Properties;
    expect(client.AllowedOAuthFlows).toEqual(['code']);
    expect(flat(client.CallbackURLs[0])).toMatch(/^https:\/\/.*\/auth\/callback$/);
    expect(flat(client.LogoutURLs[0])).toMatch(/^https:\/\/.*\/$/);
    // The URL is the console distribution's domain, read from the console stack.
    expect(JSON.stringify(client.CallbackURLs)).toContain(built.stage.console.stackName);
    expect(JSON.stringify(client.CallbackURLs)).toMatch(/Distribution\w*DomainName/);
    auth.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'ON' });
  });

  it('creates the managed login domain (newer version) with a branding for the client', () => {
    auth.hasResourceProperties('AWS::Cognito::UserPoolDomain', { ManagedLoginVersion: 2 });
    auth.resourceCountIs('AWS::Cognito::ManagedLoginBranding', 1);
    auth.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', { UseCognitoProvidedValues: true });
  });

  it('restricts the API’s CORS to the console’s origin', () => {
    const cors = Object.values(api.findResources('AWS::ApiGatewayV2::Api'))[0]!.Properties.CorsConfiguration;
    expect(cors.AllowOrigins).toHaveLength(1);
    expect(flat(cors.AllowOrigins[0])).toMatch(/^https:\/\//);
    expect(JSON.stringify(cors.AllowOrigins)).not.toContain('"*"');
  });

  it('writes config.json with the API URL, the Cognito authority, login domain and client id', () => {
    const deployment = Object.values(config.findResources('Custom::CDKBucketDeployment'))[0]!.Properties;
    expect(deployment.Prune).toBe(false);
    expect(deployment.DistributionPaths).toEqual(['/config.json']);
    const markers = JSON.stringify(deployment.SourceMarkers);
    for (const ref of [logicalIdOf(built.stage.api.api), logicalIdOf(built.stage.auth.userPool), logicalIdOf(built.stage.auth.client)]) {
      expect(markers, ref).toContain(ref.slice(0, 12));
    }
  });
});
