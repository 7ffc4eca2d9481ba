/**
 * Auth: the Cognito user pool whose tokens the HTTP API's JWT authorizer checks. Roles are the
 * pool's groups and scopes are custom attributes, both named in `shared/domain/roles.ts`.
 *
 * Custom attributes are claims of the ID token only (access tokens carry `cognito:groups` but not
 * `custom:*`), so clients call the API with the ID token; the authorizer accepts it because its
 * `aud` is the app client id.
 */
import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  CfnUserPoolUser,
  CfnUserPoolUserToGroupAttachment,
  ClientAttributes,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolClientIdentityProvider,
  UserPoolDomain,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { claimNames, roles, type Role } from '../../shared/domain/roles.ts';
import type { StageConfig } from '../config.ts';

export interface AuthStackProps extends StackProps {
  readonly config: StageConfig;
  /** The web console's URL (infra/stacks/console-stack.ts): the OAuth callback and logout address. */
  readonly consoleUrl?: string;
}

/** `custom:unitId` → `unitId`: Cognito adds the prefix itself. */
const customName = (claim: string) => claim.replace(/^custom:/, '');

export class AuthStack extends Stack {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /** Cognito managed login (the console's sign-in page), when the stage has a console. */
  readonly loginDomain?: UserPoolDomain;
  readonly groups: Readonly<Record<Role, UserPoolGroup>>;

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.userPool = new UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(7),
      },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: config.threatProtection ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS,
      standardThreatProtectionMode: config.threatProtection ? StandardThreatProtectionMode.FULL_FUNCTION : undefined,
      customAttributes: {
        [customName(claimNames.unitId)]: new StringAttribute({ mutable: true, maxLen: 64 }),
        [customName(claimNames.areas)]: new StringAttribute({ mutable: true, maxLen: 2048 }),
        [customName(claimNames.district)]: new StringAttribute({ mutable: true, maxLen: 64 }),
      },
      userInvitation: {
        emailSubject: 'Chỉ số CCHC: tài khoản của bạn / your PAR Index account',
        emailBody: 'Tên đăng nhập / user name: {username}<br>Mật khẩu tạm thời / temporary password: {####}',
      },
      deletionProtection: !config.ephemeral,
      removalPolicy: config.ephemeral ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    if (!config.threatProtection) {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason:
          'Essentials plan by default: there is no self sign-up (administrators create every account), TOTP MFA is required ' +
          'and passwords are strong; the Plus plan (threat protection, paid per user) is one context switch away: -c threatProtection=true.',
      });
    }

    // Users may edit their own standard attributes only: roles and scopes are set by administrators.
    // The console signs in through managed login with the authorization code flow and PKCE (a
    // public client: no secret); MFA stays required by the pool. Without a console, no OAuth.
    const console_ = props.consoleUrl;
    this.client = this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      ...(console_
        ? {
            oAuth: {
              flows: { authorizationCodeGrant: true },
              scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
              callbackUrls: [`${console_}/auth/callback`],
              logoutUrls: [`${console_}/`],
            },
            supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
          }
        : { disableOAuth: true }),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true, phoneNumber: true, locale: true }),
    });

    if (console_) {
      // Managed login's domain: a prefix unique per account and stage (Cognito domains are regional and global).
      this.loginDomain = this.userPool.addDomain('ManagedLogin', {
        cognitoDomain: { domainPrefix: `par-index-${config.stage}-${Aws.ACCOUNT_ID}` },
        managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
      });
      // The newer managed login shows a page only once the client has a branding (Cognito's own style here).
      new CfnManagedLoginBranding(this, 'ManagedLoginBranding', {
        userPoolId: this.userPool.userPoolId,
        clientId: this.client.userPoolClientId,
        useCognitoProvidedValues: true,
      });
      new CfnOutput(this, 'LoginUrl', { value: this.loginDomain.baseUrl() });
    }

    const groups: Partial<Record<Role, UserPoolGroup>> = {};
    for (const role of roles) {
      groups[role] = new UserPoolGroup(this, `${role}Group`, { userPool: this.userPool, groupName: role });
    }
    this.groups = groups as Record<Role, UserPoolGroup>;

    if (config.adminEmail) {
      const admin = new CfnUserPoolUser(this, 'AdminUser', {
        userPoolId: this.userPool.userPoolId,
        username: config.adminEmail,
        userAttributes: [
          { name: 'email', value: config.adminEmail },
          { name: 'email_verified', value: 'true' },
        ],
        desiredDeliveryMediums: ['EMAIL'],
      });
      const membership = new CfnUserPoolUserToGroupAttachment(this, 'AdminUserInAdminGroup', {
        userPoolId: this.userPool.userPoolId,
        groupName: this.groups.admin.groupName,
        username: admin.ref,
      });
      membership.node.addDependency(this.groups.admin);
    }

    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.client.userPoolClientId });
  }
}
