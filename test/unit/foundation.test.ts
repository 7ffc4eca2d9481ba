import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../infra/local/http-adapter.ts';
import { cycleForYear, deadlineErrors, toVietnamTime } from '../../shared/domain/cycle.ts';
import { callerFromClaims } from '../../shared/domain/roles.ts';
import { parentRuleViolation } from '../../shared/domain/unit-registry.ts';
import { prefixedPath } from '../../shared/http/problems.ts';
import { routeList } from '../../shared/routes.ts';
import { cycleBody } from '../../shared/schemas/domain/cycles.ts';

describe('callerFromClaims', () => {
  it('reads groups as API Gateway flattens them, and scope claims', () => {
    const caller = callerFromClaims({
      sub: 'u1',
      'cognito:username': 'clerk',
      'cognito:groups': '[appraiser unit]',
      'custom:unitId': 'SNV',
      'custom:areas': '2, 7.4',
      'custom:district': 'H-BATRI',
    });
    expect(caller).toEqual({
      subject: 'u1',
      username: 'clerk',
      roles: ['appraiser', 'unit'],
      unitId: 'SNV',
      areas: ['2', '7.4'],
      district: 'H-BATRI',
    });
  });

  it('drops unknown groups and reads real arrays', () => {
    expect(callerFromClaims({ 'cognito:groups': ['janitor', 'council'] }).roles).toEqual(['council']);
    expect(callerFromClaims({}).roles).toEqual([]);
  });
});

describe('prefixedPath', () => {
  it('writes indexes and odd keys the way users read them', () => {
    expect(prefixedPath('body', ['areas', 2, 'items', 0, 'maxPoints'])).toBe('body.areas[2].items[0].maxPoints');
    expect(prefixedPath('body', ['units', 3, 'scores', '1.1.2'])).toBe('body.units[3].scores["1.1.2"]');
    expect(prefixedPath('query', [])).toBe('query');
  });
});

describe('cycleForYear', () => {
  const template = cycleBody.parse({
    year: 2024,
    frameworks: { department: 'department-2024' },
    deadlines: {
      selfAssessment: '2024-12-15T23:59:59+07:00',
      appraisal: '2025-01-10T23:59:59+07:00',
      explanation: '2025-01-20T23:59:59+07:00',
      survey: '2025-01-20T23:59:59+07:00',
      finalAppraisal: '2025-01-31T23:59:59+07:00',
      publication: '2025-02-28T23:59:59+07:00',
    },
  });

  it('moves the deadlines by whole years when they then lie ahead', () => {
    const cycle = cycleForYear(template, 2026, new Date('2026-11-27T00:00:00Z'));
    expect(cycle.year).toBe(2026);
    expect(cycle.deadlines.selfAssessment).toBe('2026-12-15T23:59:59+07:00');
    expect(cycle.deadlines.publication).toBe('2027-02-28T23:59:59+07:00');
  });

  it('slides the whole schedule 30 days ahead of now when the moved deadline has passed, keeping gaps', () => {
    const now = new Date('2026-12-20T00:00:00Z');
    const cycle = cycleForYear(template, 2026, now);
    const first = Date.parse(cycle.deadlines.selfAssessment);
    expect(first).toBeGreaterThan(now.getTime());
    const gap = (a: string, b: string) => Date.parse(b) - Date.parse(a);
    expect(gap(cycle.deadlines.selfAssessment, cycle.deadlines.appraisal)).toBe(
      gap(template.deadlines.selfAssessment, template.deadlines.appraisal),
    );
    expect(deadlineErrors(cycle.deadlines)).toEqual([]);
  });

  it('writes instants in Vietnam time', () => {
    expect(toVietnamTime(new Date('2026-01-01T17:00:00Z'))).toBe('2026-01-02T00:00:00+07:00');
  });
});

describe('parentRuleViolation', () => {
  it('lets communes hang under a district or, after the 2025 reform, the province', () => {
    expect(parentRuleViolation({ id: 'X1', type: 'commune', parentId: 'H' }, { id: 'H', type: 'district' })).toBeUndefined();
    expect(parentRuleViolation({ id: 'X1', type: 'commune', parentId: 'P' }, { id: 'P', type: 'province' })).toBeUndefined();
    expect(parentRuleViolation({ id: 'S1', type: 'department', parentId: 'H' }, { id: 'H', type: 'district' })).toMatch(/cannot hang/);
    expect(parentRuleViolation({ id: 'X1', type: 'commune' }, undefined)).toMatch(/needs a parentId/);
    expect(parentRuleViolation({ id: 'X1', type: 'commune', parentId: 'X1' }, undefined)).toMatch(/own parent/);
  });
});

describe('the route table', () => {
  it('names a handler file that exists for every route, with unique method and path', () => {
    const seen = new Set<string>();
    for (const route of routeList) {
      expect(existsSync(route.handler), route.handler).toBe(true);
      const key = `${route.method} ${route.path}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });

  it('is what the local adapter matches, with path parameters decoded', () => {
    expect(matchRoute('GET', '/v1/units/X%2DA')).toMatchObject({ kind: 'match', params: { unitId: 'X-A' } });
    expect(matchRoute('POST', '/v1/units/SNV')).toEqual({ kind: 'wrong-method', allow: ['GET', 'PUT'] });
    expect(matchRoute('GET', '/v1/unknown')).toEqual({ kind: 'not-found' });
  });
});

describe('the README', () => {
  it('lists every route of the table', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync('README.md', 'utf8');
    for (const route of routeList) {
      const documented = readme.includes(`\`${route.path}\``) || readme.includes(`\`${route.path}?`);
      expect(documented, route.path).toBe(true);
    }
  });
});

describe('importStillExpected', () => {
  it('waits for running imports and for pending ones only within their upload window', async () => {
    const { importStillExpected } = await import('../../shared/domain/pipeline.ts');
    const now = Date.parse('2027-01-31T00:00:00Z');
    const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
    expect(importStillExpected({ status: 'running', createdAt: at(600) }, 1800, now)).toBe(true);
    expect(importStillExpected({ status: 'pending', createdAt: at(10) }, 1800, now)).toBe(true);
    expect(importStillExpected({ status: 'pending', createdAt: at(31) }, 1800, now)).toBe(false);
    expect(importStillExpected({ status: 'done', createdAt: at(1) }, 1800, now)).toBe(false);
    expect(importStillExpected({ status: 'failed', createdAt: at(1) }, 1800, now)).toBe(false);
  });
});
