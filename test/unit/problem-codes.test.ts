import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DomainError, errorCodes, type ErrorCode } from '../../shared/domain/errors.ts';
import { problemBody, statusOfKind } from '../../shared/http/problems.ts';
import { openApiDocument } from '../../shared/openapi.ts';

const codes = Object.keys(errorCodes) as ErrorCode[];

describe('problem codes', () => {
  it('README lists every code with its status (npx tsx scripts/problem-codes-table.ts prints the table)', () => {
    const readme = readFileSync('README.md', 'utf8');
    const missing = codes.filter((code) => !readme.includes(`| ${statusOfKind[errorCodes[code].kind]} | \`${code}\` |`));
    expect(missing).toEqual([]);
  });

  it('every code becomes a problem body with its status and code; input paths are put under body', () => {
    for (const code of codes) {
      const body = problemBody(new DomainError(code, 'x', { errors: [{ path: 'selfScore', message: 'm' }] }));
      expect(body.code).toBe(code);
      expect(body.status).toBe(statusOfKind[errorCodes[code].kind]);
      expect(body.errors).toEqual([{ path: 'body.selfScore', message: 'm' }]);
    }
    const resource = problemBody(
      new DomainError('ASSESSMENT_INCOMPLETE', 'x', { errors: [{ path: 'items["1.1"]', message: 'm' }], errorsAt: 'resource' }),
    );
    expect(resource.errors).toEqual([{ path: 'items["1.1"]', message: 'm' }]);
  });

  it('OpenAPI documents 422 on mutating routes and names the codes of each status', () => {
    const doc = openApiDocument() as unknown as {
      paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>>;
    };
    const submit = doc.paths['/v1/cycles/{year}/units/{unitId}/assessment/submit']?.post;
    expect(submit?.responses['422']?.description).toContain('ASSESSMENT_INCOMPLETE');
    expect(submit?.responses['409']?.description).toContain('DEADLINE_PASSED');
    const read = doc.paths['/v1/units']?.get;
    expect(read?.responses['422']).toBeUndefined();
  });
});
