/**
 * The house SigV4 signer (shared/store/aws/sigv4.ts) against AWS's published example and against
 * the SDK's own signers (@smithy/signature-v4 and the S3 presigner, still installed for the local runtime)
 * for the requests the store makes: a DynamoDB JSON call, an S3 ranged GET, a presigned GET URL.
 */
import { createHash, createHmac } from 'node:crypto';
import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { presignUrl, sha256Hex, signHeaders, type Scope } from '../../shared/store/aws/sigv4.ts';
import { marshallInput, unmarshallOutput } from '../../shared/store/dynamo/marshalling.ts';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const at = new Date('2015-08-30T12:36:00Z');

class Sha256 {
  private readonly h;
  constructor(secret?: string | Uint8Array) {
    this.h = secret === undefined ? createHash('sha256') : createHmac('sha256', Buffer.from(secret as Uint8Array));
  }
  update(data: string | Uint8Array) {
    this.h.update(typeof data === 'string' ? Buffer.from(data) : Buffer.from(data));
  }
  async digest() {
    return new Uint8Array(this.h.digest());
  }
}

const sdk = (service: string, region: string) =>
  new SignatureV4({ service, region, credentials, sha256: Sha256 as never, uriEscapePath: service !== 's3', applyChecksum: false });

describe('SigV4 signing', () => {
  it("matches AWS's get-vanilla example", () => {
    const headers = signHeaders(
      { service: 'service', region: 'us-east-1', credentials },
      { method: 'GET', path: '/', query: {}, headers: { host: 'example.amazonaws.com' }, payloadHash: sha256Hex('') },
      at,
    );
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, ' +
        'Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
  });

  it('signs a DynamoDB call as the SDK signer does', async () => {
    const body = '{"TableName":"t","Key":{"pk":{"S":"Ä"}}}';
    const base = {
      host: 'dynamodb.ap-southeast-1.amazonaws.com',
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'DynamoDB_20120810.GetItem',
    };
    const ours = signHeaders(
      { service: 'dynamodb', region: 'ap-southeast-1', credentials: { ...credentials, sessionToken: 'token/+=' } },
      { method: 'POST', path: '/', query: {}, headers: base, payloadHash: sha256Hex(body) },
      at,
    );
    const theirs = await sdk('dynamodb', 'ap-southeast-1').sign(
      {
        method: 'POST',
        protocol: 'https:',
        hostname: base.host,
        path: '/',
        query: {},
        headers: { ...base, 'x-amz-security-token': 'token/+=' },
        body,
      },
      { signingDate: at },
    );
    expect(ours.authorization?.split('Signature=')[1]).toBe(String(theirs.headers.authorization).split('Signature=')[1]);
  });

  it('signs an S3 ranged GET and a presigned download URL as the SDK signer does', async () => {
    const scope: Scope = { service: 's3', region: 'ap-southeast-1', credentials };
    const host = 'evidence.s3.ap-southeast-1.amazonaws.com';
    const path = '/cycles/2026/H%C3%A0%20N%E1%BB%99i/a%2Bb.pdf';
    const ours = signHeaders(
      scope,
      { method: 'GET', path, query: {}, headers: { host, range: 'bytes=0-4095' }, payloadHash: sha256Hex('') },
      at,
    );
    const theirs = await sdk('s3', 'ap-southeast-1').sign(
      {
        method: 'GET',
        protocol: 'https:',
        hostname: host,
        path,
        query: {},
        headers: { host, range: 'bytes=0-4095', 'x-amz-content-sha256': sha256Hex('') },
      },
      { signingDate: at },
    );
    expect(ours.authorization?.split('Signature=')[1]).toBe(String(theirs.headers.authorization).split('Signature=')[1]);

    const disposition = "attachment; filename*=UTF-8''H%C3%A0%20N%E1%BB%99i.pdf";
    const url = new URL(presignUrl(scope, new URL(`https://${host}${path}`), { 'response-content-disposition': disposition }, 300, at));
    const presigner = new S3RequestPresigner({ credentials, region: 'ap-southeast-1', sha256: Sha256 as never });
    const presigned = await presigner.presign(
      {
        method: 'GET',
        protocol: 'https:',
        hostname: host,
        path,
        query: { 'response-content-disposition': disposition },
        headers: { host },
      },
      { signingDate: at, expiresIn: 300 },
    );
    expect(url.searchParams.get('X-Amz-Signature')).toBe(presigned.query?.['X-Amz-Signature']);
    expect(url.searchParams.get('response-content-disposition')).toBe(disposition);
  });
});

describe('DynamoDB marshalling', () => {
  it('converts items, keys and values only, and reads them back', () => {
    const input = {
      TableName: 't',
      TransactItems: [{ Put: { TableName: 't', Item: { pk: 'A', n: 1, gone: undefined }, ExpressionAttributeValues: { ':v': 2 } } }],
      ExpressionAttributeNames: { '#Item': 'Item' },
    };
    expect(marshallInput(input)).toEqual({
      TableName: 't',
      TransactItems: [
        { Put: { TableName: 't', Item: { pk: { S: 'A' }, n: { N: '1' } }, ExpressionAttributeValues: { ':v': { N: '2' } } } },
      ],
      ExpressionAttributeNames: { '#Item': 'Item' },
    });
    expect(
      unmarshallOutput({
        Items: [{ pk: { S: 'A' } }],
        LastEvaluatedKey: { pk: { S: 'A' } },
        Responses: { t: [{ n: { N: '3' } }] },
        Count: 1,
      }),
    ).toEqual({ Items: [{ pk: 'A' }], LastEvaluatedKey: { pk: 'A' }, Responses: { t: [{ n: 3 }] }, Count: 1 });
  });
});

describe('DynamoDB JSON binary values', () => {
  it('sends a Buffer as base64 and reads it back as bytes', async () => {
    const { jsonReplacer, jsonReviver } = await import('../../shared/store/dynamo/marshalling.ts');
    const data = Buffer.from([31, 139, 8, 0, 255]);
    const wire = JSON.stringify(marshallInput({ Item: { pk: 'A', data } }), jsonReplacer);
    expect(wire).toBe(`{"Item":{"pk":{"S":"A"},"data":{"B":"${data.toString('base64')}"}}}`);
    const back = unmarshallOutput(JSON.parse(wire, jsonReviver)) as { Item: { data: Uint8Array } };
    expect(Buffer.from(back.Item.data).equals(data)).toBe(true);
  });
});
