/**
 * The admin's explicit re-derivation of an open cycle's registry (audited, optimistic locking),
 * and a cycle refused to leave its survey phase while a survey it names is undefined. Years
 * 2103-2104, the test's own REG- unit (deleted afterwards).
 */
import { DeleteCommand } from '../../shared/store/dynamo/commands.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../shared/store/audit.ts';
import { dynamo, tableName } from '../../shared/store/clients.ts';
import { getCycle, getCycleRegistry } from '../../shared/store/cycles-store.ts';
import { unitKeys } from '../../shared/store/entities/unit.ts';
import { api, tokens } from '../support/api.ts';
import { cycleDeadlines } from '../support/assessment-helpers.ts';
import { departmentSurvey } from '../support/survey-helpers.ts';

const [year, surveyYear] = [2103, 2104];

afterAll(async () => {
  await dynamo().send(new DeleteCommand({ TableName: tableName(), Key: unitKeys.item('REG-R1') }));
});

describe('POST /v1/cycles/{year}/registry/refresh', () => {
  it('brings a unit created after opening into the open cycle, audited, only at the version read', async () => {
    const admin = await tokens.admin();
    const body = { year, frameworks: { commune: 'commune-2024' }, deadlines: cycleDeadlines(year) };
    expect((await api('POST', '/v1/cycles', { token: admin, body })).status).toBe(201);
    const csv = 'id,type,name,parent\nREG-R1,commune,Xã Làm Mới,UBND-TINH\n';
    const imported = await api('POST', '/v1/registry/imports', {
      token: admin,
      body: { fileName: 'moi.csv', contentBase64: Buffer.from(csv).toString('base64'), dryRun: false },
    });
    expect(imported.body.summary.create).toBe(1);
    const clerk = await tokens.unit('REG-R1');
    expect((await api('GET', `/v1/cycles/${year}/units/REG-R1/assessment`, { token: clerk })).status).toBe(404);

    const cycle = (await getCycle(year))!;
    const stale = await api('POST', `/v1/cycles/${year}/registry/refresh`, { token: admin, body: { expectedVersion: cycle.version + 1 } });
    expect([stale.status, stale.body.code]).toEqual([409, 'VERSION_CONFLICT']);
    expect((await getCycleRegistry(year))?.some((u) => u.id === 'REG-R1')).toBe(false);

    const res = await api('POST', `/v1/cycles/${year}/registry/refresh`, {
      token: admin,
      body: { expectedVersion: cycle.version, reason: 'Xã mới thành lập' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.added).toEqual([{ id: 'REG-R1', type: 'commune', name: 'Xã Làm Mới', parentId: 'UBND-TINH', parentType: 'province' }]);
    expect(res.body.removed).toEqual([]);
    expect(res.body.cycle.version).toBe(cycle.version + 1);
    expect((await getCycleRegistry(year))?.some((u) => u.id === 'REG-R1')).toBe(true);
    expect((await api('GET', `/v1/cycles/${year}/units/REG-R1/assessment`, { token: clerk })).status).toBe(200);
    const [event] = await listAudit(`CYCLE#${year}`);
    expect(event).toMatchObject({ action: 'cycle.registry-refreshed', reason: 'Xã mới thành lập', after: { added: [{ id: 'REG-R1' }] } });
  });
});

describe('leaving the survey phase', () => {
  const surveyId = 'reg-khao-sat-2104';

  it('is refused (409 SURVEYS_UNDEFINED) while a named survey is undefined, and allowed once it is', async () => {
    const admin = await tokens.admin();
    // Deadlines already passed, so the admin may move the cycle to appraisal by the phase rules.
    const body = {
      year: surveyYear,
      frameworks: { department: 'department-2024' },
      surveys: { department: surveyId },
      deadlines: cycleDeadlines(2020),
    };
    const opened = await api('POST', '/v1/cycles', { token: admin, body });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const version = opened.body.version;
    const move = (v: number) =>
      api('PATCH', `/v1/cycles/${surveyYear}`, { token: admin, body: { phase: 'appraisal', expectedVersion: v } });

    const refused = await move(version);
    expect([refused.status, refused.body.code]).toEqual([409, 'SURVEYS_UNDEFINED']);
    expect(refused.body.surveys).toEqual([{ unitType: 'department', surveyId }]);
    const compute = await api('POST', `/v1/cycles/${surveyYear}/results/compute`, { token: admin });
    expect([compute.status, compute.body.code]).toEqual([409, 'SURVEYS_UNDEFINED']);
    expect((await getCycle(surveyYear))?.phase).toBe('open');

    const definition = { ...departmentSurvey(), id: surveyId };
    expect((await api('PUT', `/v1/cycles/${surveyYear}/surveys/${surveyId}`, { token: admin, body: definition })).status).toBe(201);
    const moved = await move(version);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.phase).toBe('appraisal');
  });

  it('a cycle past its survey phase keeps its registry: refresh is 409 REGISTRY_FROZEN', async () => {
    const cycle = (await getCycle(surveyYear))!;
    const res = await api('POST', `/v1/cycles/${surveyYear}/registry/refresh`, {
      token: await tokens.admin(),
      body: { expectedVersion: cycle.version },
    });
    expect([res.status, res.body.code]).toEqual([409, 'REGISTRY_FROZEN']);
    expect((await getCycle(surveyYear))?.version).toBe(cycle.version);
  });
});
