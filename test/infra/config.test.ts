import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { defaultConfig, readStageConfig } from '../../infra/config.ts';

const read = (context: Record<string, unknown>) => readStageConfig(new App({ context }).node);

describe('stage configuration from CDK context', () => {
  it('defaults to a retained dev stage', () => {
    expect(read({})).toEqual({
      ...defaultConfig,
      adminEmail: undefined,
      alarmEmail: undefined,
      domainName: undefined,
      certificateArn: undefined,
    });
  });

  it('reads command-line strings (-c key=value) and cdk.json values alike', () => {
    const fromCli = read({
      stage: 'prod',
      ephemeral: 'false',
      reportRetentionDays: '1825',
      adminEmail: 'admin@snv.example.gov.vn',
      allowedOrigins: 'https://a.example.gov.vn, https://b.example.gov.vn',
      threatProtection: 'true',
    });
    expect(fromCli).toMatchObject({
      stage: 'prod',
      ephemeral: false,
      reportRetentionDays: 1825,
      threatProtection: true,
      allowedOrigins: ['https://a.example.gov.vn', 'https://b.example.gov.vn'],
      alarmEmail: 'admin@snv.example.gov.vn',
    });
    expect(read({ ephemeral: true, reportRetentionDays: 30, allowedOrigins: ['https://x.vn'] })).toMatchObject({
      ephemeral: true,
      reportRetentionDays: 30,
      allowedOrigins: ['https://x.vn'],
    });
  });

  it.each([
    [{ stage: 'Prod_1' }, /context stage/],
    [{ ephemeral: 'yes' }, /context ephemeral: expected true or false/],
    [{ reportRetentionDays: '0' }, /context reportRetentionDays/],
    [{ reportRetentionDays: '1.5' }, /context reportRetentionDays/],
    [{ adminEmail: 'not-an-email' }, /context adminEmail/],
  ])('rejects %j naming the key', (context, message) => {
    expect(() => read(context)).toThrow(message);
  });
});
