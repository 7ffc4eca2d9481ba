/**
 * Every route × every role: a role the route table does not list is refused with 403 before any
 * input is read, no token gets 401 on every non-public route, and nothing is written either way.
 * A district council (council role with `custom:district`) is a council: refused wherever the
 * council is; on the council's routes its scope (the district's communes) is
 * test/integration/councils.test.ts.
 * Object-level rules (own unit, appraisal scope) have their own tests per route family.
 */
import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../../shared/domain/roles.ts';
import { routeList } from '../../shared/routes.ts';
import { listAudit } from '../../shared/store/audit.ts';
import { api, token } from '../support/api.ts';
import { currentYear } from '../support/assessment-helpers.ts';

const sample: Record<string, string> = {
  year: String(currentYear),
  unitId: 'BQLKCN',
  code: '1.1.1',
  evidenceId: '00000000-0000-4000-8000-000000000000',
  frameworkId: 'department-2024',
  surveyId: 'department-survey-2024',
  importId: '00000000-0000-4000-8000-000000000000',
};

const pathOf = (template: string) => template.replace(/\{(\w+)\}/g, (_m, name: string) => sample[name] ?? 'x');
const allowed = (access: (typeof routeList)[number]['access'], role: Role) =>
  access === 'public' || access === 'signed-in' || (access as readonly string[]).includes(role);

describe('route × role matrix', () => {
  for (const route of routeList) {
    it(`${route.method} ${route.path}`, async () => {
      const path = pathOf(route.path);
      const body = route.body ? {} : undefined;
      if (route.access !== 'public') expect((await api(route.method, path, { body })).status, 'no token').toBe(401);
      for (const role of roles) {
        if (allowed(route.access, role)) continue;
        const res = await api(route.method, path, { token: await token({ role, unitId: 'BQLKCN', areas: '*' }), body });
        expect(res.status, role).toBe(403);
        expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      }
      // Only where refused: a call the route allows would act on the seeded cycle.
      if (!allowed(route.access, 'council')) {
        const res = await api(route.method, path, { token: await token({ role: 'council', district: 'H-BATRI' }), body });
        expect([res.status, res.body?.code], 'district council').toEqual([403, 'ROLE_REQUIRED']);
      }
    });
  }

  it('left no trace of the refused calls', async () => {
    expect(await listAudit(`ASSESS#${currentYear}#BQLKCN`)).toEqual([]);
    expect(await listAudit('UNIT#BQLKCN')).toHaveLength(1); // the seed event only
  });
});
