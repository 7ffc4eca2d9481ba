import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { claimNames, roles } from '../../shared/domain/roles.ts';
import { buildStage, logicalIdOf } from './support.ts';

const custom = (claim: string) => claim.replace(/^custom:/, '');

describe('auth stack (default stage)', () => {
  const built = buildStage();
  const template = built.template(built.stage.auth);

  it('user pool: admin-created users, e-mail sign-in, strong passwords, TOTP MFA required', () => {
    template.resourceCountIs('AWS::Cognito::UserPool', 1);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
          TemporaryPasswordValidityDays: 7,
        },
      },
      UserPoolTier: 'ESSENTIALS',
      DeletionProtection: 'ACTIVE',
    });
    template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain' });
  });

  it('has the scope claims of roles.ts as mutable string attributes', () => {
    const pool = Object.values(template.findResources('AWS::Cognito::UserPool'))[0]!;
    const schema = pool.Properties.Schema as { Name: string; AttributeDataType: string; Mutable: boolean }[];
    for (const claim of [claimNames.unitId, claimNames.areas, claimNames.district]) {
      expect(schema).toContainEqual(expect.objectContaining({ Name: custom(claim), AttributeDataType: 'String', Mutable: true }));
    }
  });

  it('has one group per role, named as the cognito:groups claim carries it', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolGroup', roles.length);
    for (const role of roles) template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: role });
  });

  it('app client: no secret, SRP and refresh, OAuth code flow for the console only, users cannot write their role or scope', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      // A public client with the code flow: oidc-client-ts adds PKCE; no implicit flow hands out tokens in URLs.
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      SupportedIdentityProviders: ['COGNITO'],
      PreventUserExistenceErrors: 'ENABLED',
    });
    const client = Object.values(template.findResources('AWS::Cognito::UserPoolClient'))[0]!;
    const writable = client.Properties.WriteAttributes as string[];
    expect(writable.filter((a) => a.startsWith('custom:'))).toEqual([]);
  });

  it('creates no user without adminEmail', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolUser', 0);
    template.resourceCountIs('AWS::Cognito::UserPoolUserToGroupAttachment', 0);
  });
});

describe('auth stack with adminEmail and threat protection', () => {
  const built = buildStage({ adminEmail: 'admin@snv.example.gov.vn', threatProtection: 'true' });
  const template = built.template(built.stage.auth);

  it('creates the first administrator and puts it in the admin group', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolUser', {
      Username: 'admin@snv.example.gov.vn',
      DesiredDeliveryMediums: ['EMAIL'],
      UserAttributes: Match.arrayWith([{ Name: 'email', Value: 'admin@snv.example.gov.vn' }]),
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolUserToGroupAttachment', {
      GroupName: { Ref: logicalIdOf(built.stage.auth.groups.admin) },
      Username: { Ref: Match.stringLikeRegexp('^AdminUser') },
    });
  });

  it('switches to the Plus plan with enforced threat protection', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
  });
});
