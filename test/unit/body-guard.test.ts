import { describe, expect, it } from 'vitest';
import { bodyLimits, bodyText, checkParameters, scanJson } from '../../shared/http/body-guard.ts';
import { isDomainError } from '../../shared/domain/errors.ts';

function refusal(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, errors: error.details.errors };
    throw error;
  }
  return undefined;
}

describe('the body guard', () => {
  it('refuses a million levels of nesting with a loop, not the call stack', () => {
    const deep = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
    expect(refusal(() => scanJson(deep))).toMatchObject({ code: 'BODY_TOO_DEEP' });
    const atLimit = '['.repeat(bodyLimits.maxDepth) + ']'.repeat(bodyLimits.maxDepth);
    expect(refusal(() => scanJson(atLimit))).toBeUndefined();
  });

  it('finds reserved keys however they are spelled, with their path', () => {
    expect(refusal(() => scanJson('{"a":[{"b":1},{"\\u005f_proto__":{}}]}'))).toEqual({
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'body.a[1].__proto__', message: 'the key "__proto__" is not allowed' }],
    });
    // As a value these words are ordinary text.
    expect(refusal(() => scanJson('{"note":"constructor","list":["prototype","__proto__"]}'))).toBeUndefined();
  });

  it('refuses numbers JSON.parse would turn into 0 or Infinity, and keeps every representable one', () => {
    expect(refusal(() => scanJson('{"x":[1,1e-400]}'))?.errors).toEqual([
      { path: 'body.x[1]', message: 'the number 1e-400 is too small (it would become 0)' },
    ]);
    expect(refusal(() => scanJson('{"x":-1E+309}'))?.errors?.[0]?.message).toContain('too large');
    for (const ok of ['0', '-0', '0.0', '0e5', '0.000e-999', '5e-324', '1.7976931348623157e308', '-12.5E-3']) {
      expect(
        refusal(() => scanJson(`{"x":${ok}}`)),
        ok,
      ).toBeUndefined();
    }
  });

  it('refuses lone surrogates (escaped or not), U+FFFD and bytes that are not UTF-8', () => {
    expect(refusal(() => scanJson('{"a":"\\udc00"}'))).toMatchObject({ code: 'INVALID_ENCODING', errors: [{ path: 'body.a' }] });
    expect(refusal(() => scanJson('{"a":"\\ud83d\\ude00"}'))).toBeUndefined(); // a pair is a character
    expect(refusal(() => bodyText('{"a":"\ud800"}', false))).toMatchObject({ code: 'INVALID_ENCODING' });
    expect(refusal(() => bodyText('{"a":"\ufffd"}', false))).toMatchObject({ code: 'INVALID_ENCODING' });
    expect(refusal(() => bodyText(Buffer.from([0x7b, 0xff, 0x7d]).toString('base64'), true))).toMatchObject({ code: 'INVALID_ENCODING' });
    expect(bodyText(Buffer.from('{"a":"Đổi"}').toString('base64'), true)).toBe('{"a":"Đổi"}');
  });

  it('refuses bodies above the size limit before parsing them', () => {
    expect(refusal(() => bodyText(' '.repeat(bodyLimits.maxBytes + 1), false))).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(refusal(() => scanJson(`[${'1,'.repeat(bodyLimits.maxValues)}1]`))).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('checks path and query parameters for reserved names and damaged text', () => {
    const params = Object.create(null) as Record<string, string>;
    params.__proto__ = '1';
    expect(refusal(() => checkParameters(params, 'query'))?.errors).toEqual([
      { path: 'query.__proto__', message: 'the key "__proto__" is not allowed' },
    ]);
    expect(refusal(() => checkParameters({ unitId: 'constructor' }, 'path'))?.errors?.[0]?.path).toBe('path.unitId');
    expect(refusal(() => checkParameters({ parent: 'a\ufffdb' }, 'query'))).toMatchObject({ code: 'INVALID_ENCODING' });
    expect(refusal(() => checkParameters({ unitId: 'SNV', year: '2026' }, 'path'))).toBeUndefined();
  });
});
