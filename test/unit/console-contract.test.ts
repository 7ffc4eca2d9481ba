/** The console and the API cannot drift: generated client types are current, every problem code has a Vietnamese message. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../shared/domain/errors.ts';
import { apiTypesPath, generateApiTypes } from '../../web/scripts/api-types.ts';
import { problemMessages, ruleMessage } from '../../web/src/lib/problems.ts';
import { fold, parseDecimal, remaining } from '../../web/src/lib/format.ts';

describe('the console contract', () => {
  it('has web/src/api/schema.d.ts generated from the current OpenAPI document (npm run console:types)', async () => {
    expect(readFileSync(apiTypesPath, 'utf8') === (await generateApiTypes()), 'schema.d.ts is stale: run npm run console:types').toBe(true);
  });

  it('maps every problem code of shared/domain/errors.ts to a Vietnamese message', () => {
    expect(Object.keys(problemMessages).sort()).toEqual(Object.keys(errorCodes).sort());
    for (const [code, message] of Object.entries(problemMessages)) {
      expect(message.length, code).toBeGreaterThan(10);
      // Vietnamese, not the API's English: at least one letter with a Vietnamese diacritic.
      expect(message, code).toMatch(/[ăâđêôơưàảãáạèẻẽéẹìỉĩíịòỏõóọùủũúụỳỷỹýỵ]/i);
    }
  });

  it('reads Vietnamese input and translates the rule messages it knows', () => {
    expect(parseDecimal('85,5')).toBe(85.5);
    expect(parseDecimal('1.25')).toBe(1.25);
    expect(parseDecimal('abc')).toBeUndefined();
    expect(fold('Xã Mỹ Hòa, Đông')).toBe('xa my hoa, dong');
    expect(remaining('2026-01-02T00:00:00Z', Date.parse('2026-01-01T00:00:00Z'))).toBe('còn 1 ngày 0 giờ');
    expect(remaining('2026-01-01T05:30:00Z', Date.parse('2026-01-01T00:00:00Z'))).toBe('còn 5 giờ 30 phút');
    expect(remaining('2026-01-01T00:00:00Z', Date.parse('2026-01-02T00:00:00Z'))).toBe('đã hết hạn');
    expect(ruleMessage('1.3 is not a multiple of 0.25')).toBe('phải là bội số của 0,25');
    expect(ruleMessage('something new')).toBe('không hợp lệ');
  });
});
