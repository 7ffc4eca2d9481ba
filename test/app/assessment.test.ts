/**
 * The rules of the assessment, appraisal and evidence use cases against in-memory stores: who is
 * refused, when, and with which code, and that a refusal writes nothing. What only DynamoDB can
 * show (conditions under concurrency, transactions, the index) stays in test/integration.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { acceptRemaining } from '../../shared/app/appraisal/accept-remaining.ts';
import { listAppraisals } from '../../shared/app/appraisal/list-appraisals.ts';
import { finalizeAppraisal } from '../../shared/app/appraisal/finalize-appraisal.ts';
import { reopenAssessment } from '../../shared/app/appraisal/reopen-assessment.ts';
import { returnAssessment } from '../../shared/app/appraisal/return-assessment.ts';
import { setAppraisedScore } from '../../shared/app/appraisal/set-appraised-score.ts';
import { setExplanation } from '../../shared/app/appraisal/set-explanation.ts';
import { getAssessment } from '../../shared/app/assessment/get-assessment.ts';
import { setSelfScore } from '../../shared/app/assessment/set-self-score.ts';
import { submitAssessment } from '../../shared/app/assessment/submit-assessment.ts';
import { confirmEvidence } from '../../shared/app/evidence/confirm-evidence.ts';
import { createEvidence } from '../../shared/app/evidence/create-evidence.ts';
import type { AssessmentState } from '../../shared/domain/assessment-workflow.ts';
import { DomainError, type ErrorCode } from '../../shared/domain/errors.ts';
import { applicableLeaves } from '../../shared/domain/framework.ts';
import type { Caller } from '../../shared/domain/roles.ts';
import type { Cycle } from '../../shared/schemas/domain/cycles.ts';
import { framework, MemoryAssessmentStores } from '../support/memory-assessment-stores.ts';

const year = 2030;
const dept = framework('department');
const selfLeaves = applicableLeaves(dept, []).filter((e) => e.leaf.method === 'self');
const plainLeaf = selfLeaves.find((e) => !e.leaf.evidenceRequired && !e.leaf.rule)?.leaf ?? selfLeaves[0]!.leaf;
const surveyLeaf = applicableLeaves(dept, []).find((e) => e.leaf.method === 'survey')!.leaf;

const caller = (roles: Caller['roles'], extra: Partial<Caller> = {}): Caller => ({
  subject: `sub-${roles.join('-')}-${extra.unitId ?? ''}`,
  username: `${roles.join('-')}-${extra.unitId ?? 'x'}`,
  roles,
  areas: [],
  ...extra,
});
const clerk = (unitId = 'SNV') => caller(['unit'], { unitId });
const lead = (unitId = 'STP') => caller(['appraiser'], { unitId, areas: ['*'] });
const admin = caller(['admin']);

function cycle(overrides: Partial<Cycle> = {}): Cycle {
  const future = '2099-12-31T23:59:59+07:00';
  return {
    year,
    frameworks: { department: dept.id },
    deadlines: {
      selfAssessment: future,
      appraisal: future,
      explanation: future,
      survey: future,
      finalAppraisal: future,
      publication: future,
    },
    notApplicable: {},
    appraisal: {},
    phase: 'open',
    version: 1,
    ...overrides,
  };
}

let stores: MemoryAssessmentStores;
beforeEach(() => {
  stores = new MemoryAssessmentStores();
  stores.cycles.set(year, cycle());
  stores.frameworks.set(dept.id, dept);
  for (const id of ['SNV', 'STP', 'SYT']) stores.units.set(id, { id, type: 'department', name: `Sở ${id}`, version: 1 });
});

/** An assessment already in `state`, each self leaf scored at its maximum. */
function seed(state: AssessmentState, unitId = 'SNV') {
  const header = { year, unitId, unitType: 'department', frameworkId: dept.id, state, version: 3, round: 1 };
  const items = new Map(selfLeaves.map(({ leaf }) => [leaf.code, { code: leaf.code, selfScore: leaf.maxPoints, version: 1 }]));
  stores.assessments.set(`${year}#${unitId}`, { header, items, evidence: new Map() });
}

async function refusedWith(code: ErrorCode, run: Promise<unknown>): Promise<DomainError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
}

const writesSoFar = () => stores.audit.length;

describe('self scores', () => {
  it('are refused after the self-assessment deadline, and nothing is written', async () => {
    stores.cycles.set(year, cycle({ deadlines: { ...cycle().deadlines, selfAssessment: '2020-01-01T00:00:00+07:00' } }));
    const error = await refusedWith(
      'DEADLINE_PASSED',
      setSelfScore(clerk(), { year, unitId: 'SNV', code: plainLeaf.code, selfScore: 0 }, stores),
    );
    expect(error.details.deadline).toBe('2020-01-01T00:00:00+07:00');
    expect(stores.snapshot(year, 'SNV').items.size).toBe(0);
    expect(writesSoFar()).toBe(0);
  });

  it('are refused once submitted, naming the state and where it would be allowed', async () => {
    seed('submitted');
    const error = await refusedWith(
      'STATE_CONFLICT',
      setSelfScore(clerk(), { year, unitId: 'SNV', code: plainLeaf.code, selfScore: 0 }, stores),
    );
    expect(error.details).toMatchObject({ state: 'submitted', allowed: ['draft', 'returned'] });
    expect(stores.snapshot(year, 'SNV').items.get(plainLeaf.code)?.selfScore).toBe(plainLeaf.maxPoints);
  });

  it('belong to the unit alone: another unit learns nothing, admins and appraisers are refused', async () => {
    const input = { year, unitId: 'SNV', code: plainLeaf.code, selfScore: 0 };
    await refusedWith('ASSESSMENT_NOT_FOUND', setSelfScore(clerk('STP'), input, stores));
    await refusedWith('OWN_UNIT_ONLY', setSelfScore(admin, input, stores));
    await refusedWith('OWN_UNIT_ONLY', setSelfScore(lead(), input, stores));
    await refusedWith('ASSESSMENT_NOT_FOUND', getAssessment(clerk('STP'), { year, unitId: 'NOWHERE' }, stores));
    expect(writesSoFar()).toBe(0);
  });

  it('name the field relative to the input, and the path for a survey leaf', async () => {
    const over = { year, unitId: 'SNV', code: plainLeaf.code, selfScore: plainLeaf.maxPoints + 1, evidence: [{ evidenceId: 'nope' }] };
    const wrong = await refusedWith('VALIDATION_FAILED', setSelfScore(clerk(), over, stores));
    expect(wrong.details.errors?.map((e) => e.path)).toEqual(['selfScore', 'evidence[0].evidenceId']);
    expect(wrong.details.errorsAt).toBe('input');
    const survey = await refusedWith(
      'VALIDATION_FAILED',
      setSelfScore(clerk(), { year, unitId: 'SNV', code: surveyLeaf.code, selfScore: 0 }, stores),
    );
    expect(survey.details).toMatchObject({ errorsAt: 'resource', errors: [{ path: 'path.code' }] });
    await refusedWith('LEAF_NOT_FOUND', setSelfScore(clerk(), { year, unitId: 'SNV', code: '99.1', selfScore: 0 }, stores));
    expect(writesSoFar()).toBe(0);
  });

  it('answer a stale expectedVersion with the leaf as it is now', async () => {
    const first = await setSelfScore(clerk(), { year, unitId: 'SNV', code: plainLeaf.code, selfScore: 0 }, stores);
    expect(first.version).toBe(1);
    const stale = { year, unitId: 'SNV', code: plainLeaf.code, selfScore: 0.25, expectedVersion: 0 };
    const error = await refusedWith('VERSION_CONFLICT', setSelfScore(clerk(), stale, stores));
    expect(error.details.current).toMatchObject({ code: plainLeaf.code, selfScore: 0, version: 1 });
    expect(writesSoFar()).toBe(1);
  });
});

describe('submission', () => {
  it('is refused with the leaves that need attention, and retried it answers as the first time', async () => {
    await setSelfScore(clerk(), { year, unitId: 'SNV', code: plainLeaf.code, selfScore: 0 }, stores);
    const gaps = await refusedWith('ASSESSMENT_INCOMPLETE', submitAssessment(clerk(), { year, unitId: 'SNV' }, stores));
    const byPath = new Map(gaps.details.errors?.map((e) => [e.path, e.message]));
    expect(byPath.size).toBe(selfLeaves.filter((e) => e.leaf.code !== plainLeaf.code || e.leaf.evidenceRequired).length);
    expect(byPath.get(`items["${plainLeaf.code}"]`)).not.toBe('not scored');
    expect(gaps.details.errorsAt).toBe('resource');
    expect(stores.snapshot(year, 'SNV').header?.state).toBe('draft');
    seed('submitted');
    stores.snapshot(year, 'SNV').header!.submittedAt = '2030-12-01T00:00:00.000Z';
    const retried = await submitAssessment(clerk(), { year, unitId: 'SNV' }, stores);
    expect(retried).toMatchObject({ state: 'submitted', submittedAt: '2030-12-01T00:00:00.000Z' });
  });
});

describe('appraisal', () => {
  const full = { year, unitId: 'SNV', code: plainLeaf.code, appraisedScore: plainLeaf.maxPoints };

  it('is refused on the appraiser’s own unit (conflict of interest), and outside its areas', async () => {
    seed('submitted');
    await refusedWith('CONFLICT_OF_INTEREST', setAppraisedScore(lead('SNV'), full, stores));
    await refusedWith('OUTSIDE_SCOPE', setAppraisedScore(caller(['appraiser'], { unitId: 'STP', areas: ['99'] }), full, stores));
    await refusedWith('OUTSIDE_SCOPE', acceptRemaining(caller(['appraiser'], { unitId: 'STP' }), { year, unitId: 'SNV' }, stores));
    expect(writesSoFar()).toBe(0);
  });

  it('is refused to an appraiser token that names no unit: its conflict of interest cannot be cleared', async () => {
    seed('submitted');
    const unitless = caller(['appraiser'], { areas: ['*'] });
    await refusedWith('CONFLICT_OF_INTEREST', setAppraisedScore(unitless, full, stores));
    await refusedWith('CONFLICT_OF_INTEREST', finalizeAppraisal(unitless, { year, unitId: 'SNV' }, stores));
    await refusedWith('CONFLICT_OF_INTEREST', listAppraisals(unitless, { year }, stores));
    expect((await listAppraisals(lead(), { year }, stores)).assessments.map((a) => a.unitId)).toEqual(['SNV']);
    expect(writesSoFar()).toBe(0);
  });

  it('needs a reason when the score differs, and a self score to appraise', async () => {
    seed('submitted');
    const error = await refusedWith('VALIDATION_FAILED', setAppraisedScore(lead(), { ...full, appraisedScore: 0 }, stores));
    expect(error.details.errors?.map((e) => e.path)).toEqual(['reason']);
    stores.snapshot(year, 'SNV').items.delete(plainLeaf.code);
    await refusedWith(
      'NOT_SELF_SCORED',
      setAppraisedScore(lead(), { ...full, appraisedScore: 0, reason: 'Không có văn bản chứng minh' }, stores),
    );
    expect(writesSoFar()).toBe(0);
  });

  it('waits for the submission', async () => {
    seed('draft');
    const error = await refusedWith('STATE_CONFLICT', setAppraisedScore(lead(), full, stores));
    expect(error.details.allowed).toEqual(['submitted', 'explained']);
    await refusedWith('STATE_CONFLICT', returnAssessment(lead(), { year, unitId: 'SNV', message: 'Giải trình tiêu chí 1' }, stores));
    expect(writesSoFar()).toBe(0);
  });

  it('is finalised by the lead alone, once every leaf is appraised', async () => {
    seed('submitted');
    const sector = caller(['appraiser'], { unitId: 'STP', areas: ['1'] });
    await refusedWith('LEAD_APPRAISER_ONLY', finalizeAppraisal(sector, { year, unitId: 'SNV' }, stores));
    const missing = await refusedWith('APPRAISAL_INCOMPLETE', finalizeAppraisal(lead(), { year, unitId: 'SNV' }, stores));
    expect(missing.details).toMatchObject({ errorsAt: 'resource' });
    expect(missing.details.errors).toHaveLength(selfLeaves.length);
    expect(writesSoFar()).toBe(0);
    await acceptRemaining(lead(), { year, unitId: 'SNV' }, stores);
    expect(await finalizeAppraisal(lead(), { year, unitId: 'SNV' }, stores)).toMatchObject({ state: 'appraised' });
  });

  it('is reopened only from appraised', async () => {
    seed('submitted');
    const error = await refusedWith(
      'STATE_CONFLICT',
      reopenAssessment(admin, { year, unitId: 'SNV', reason: 'Phát hiện sai sót' }, stores),
    );
    expect(error.details).toMatchObject({ state: 'submitted', allowed: ['appraised'] });
  });
});

describe('explanations', () => {
  it('are written only while returned and only by the unit', async () => {
    seed('submitted');
    const input = { year, unitId: 'SNV', code: plainLeaf.code, text: 'Bổ sung văn bản số 12/KH' };
    await refusedWith('STATE_CONFLICT', setExplanation(clerk(), input, stores));
    seed('returned');
    await refusedWith('OWN_UNIT_ONLY', setExplanation(lead(), input, stores));
    expect(writesSoFar()).toBe(0);
    expect((await setExplanation(clerk(), input, stores)).explanations).toHaveLength(1);
  });
});

describe('evidence', () => {
  const pdf = { fileName: 'ke-hoach.pdf', contentType: 'application/pdf' as const, size: 100, sha256: 'a'.repeat(64) };
  const objectOf = (evidenceId: string) => stores.snapshot(year, 'SNV').evidence.get(evidenceId)!.objectKey;

  it('is declared within the size limit and with a matching extension (fields relative to the input)', async () => {
    const error = await refusedWith(
      'VALIDATION_FAILED',
      createEvidence(clerk(), { year, unitId: 'SNV', ...pdf, size: 10 ** 9, fileName: 'x.exe' }, stores),
    );
    expect(error.details.errors?.map((e) => e.path)).toEqual(['size', 'fileName']);
    expect(stores.snapshot(year, 'SNV').evidence.size).toBe(0);
  });

  it('is confirmed only when uploaded, with the declared size, checksum and content type', async () => {
    const { evidenceId } = await createEvidence(clerk(), { year, unitId: 'SNV', ...pdf }, stores);
    const input = { year, unitId: 'SNV', evidenceId };
    await refusedWith('EVIDENCE_NOT_UPLOADED', confirmEvidence(clerk(), input, stores));
    stores.objects.set(objectOf(evidenceId), { size: 100, sha256: 'a'.repeat(64), detectedType: 'application/x-msdownload' });
    const mismatch = await refusedWith('EVIDENCE_MISMATCH', confirmEvidence(clerk(), input, stores));
    expect(mismatch.details).toMatchObject({ errorsAt: 'resource', errors: [{ path: 'contentType' }] });
    stores.objects.set(objectOf(evidenceId), { size: 99, sha256: 'b'.repeat(64), detectedType: 'application/pdf' });
    const sizes = await refusedWith('EVIDENCE_MISMATCH', confirmEvidence(clerk(), input, stores));
    expect(sizes.details.errors?.map((e) => e.path)).toEqual(['size', 'sha256']);
    expect(stores.snapshot(year, 'SNV').evidence.get(evidenceId)?.status).toBe('pending');
    stores.objects.set(objectOf(evidenceId), { size: 100, sha256: 'a'.repeat(64), detectedType: 'application/pdf' });
    expect((await confirmEvidence(clerk(), input, stores)).status).toBe('confirmed');
    await refusedWith('EVIDENCE_NOT_FOUND', confirmEvidence(clerk(), { ...input, evidenceId: 'other' }, stores));
  });

  it('pending at submission stays unusable afterwards', async () => {
    const { evidenceId } = await createEvidence(clerk(), { year, unitId: 'SNV', ...pdf }, stores);
    stores.objects.set(objectOf(evidenceId), { size: 100, sha256: 'a'.repeat(64), detectedType: 'application/pdf' });
    stores.snapshot(year, 'SNV').header!.state = 'submitted';
    await refusedWith('STATE_CONFLICT', confirmEvidence(clerk(), { year, unitId: 'SNV', evidenceId }, stores));
    expect(stores.snapshot(year, 'SNV').evidence.get(evidenceId)?.status).toBe('pending');
  });
});

describe('a published cycle', () => {
  it('refuses every write that fed the index with CYCLE_PUBLISHED', async () => {
    stores.cycles.set(year, cycle({ phase: 'published' }));
    seed('appraised');
    seed('returned', 'SYT');
    seed('submitted', 'STP');
    const evidence = { fileName: 'a.pdf', contentType: 'application/pdf' as const, size: 1, sha256: 'a'.repeat(64) };
    const refusals = [
      () => setSelfScore(clerk('SYT'), { year, unitId: 'SYT', code: plainLeaf.code, selfScore: 0 }, stores),
      () => createEvidence(clerk('SYT'), { year, unitId: 'SYT', ...evidence }, stores),
      () => setExplanation(clerk('SYT'), { year, unitId: 'SYT', code: plainLeaf.code, text: 'Giải trình bổ sung' }, stores),
      () => reopenAssessment(admin, { year, unitId: 'SNV', reason: 'Phát hiện sai sót' }, stores),
      () => setAppraisedScore(lead('SYT'), { year, unitId: 'STP', code: plainLeaf.code, appraisedScore: plainLeaf.maxPoints }, stores),
      () => acceptRemaining(lead('SYT'), { year, unitId: 'STP' }, stores),
      () => returnAssessment(lead('SYT'), { year, unitId: 'STP', message: 'Giải trình tiêu chí 1' }, stores),
      () => finalizeAppraisal(lead('SYT'), { year, unitId: 'STP' }, stores),
    ];
    for (const run of refusals) await refusedWith('CYCLE_PUBLISHED', run());
    expect(writesSoFar()).toBe(0);
  });
});

describe("the cycle's registry", () => {
  it('leaves a unit created after the cycle opened outside it, and reads the live registry for a cycle without one', async () => {
    stores.units.set('SMOI', { id: 'SMOI', type: 'department', name: 'Sở Mới', version: 1 });
    const input = { year, unitId: 'SMOI', code: plainLeaf.code, selfScore: 0 };
    // No frozen registry (a cycle opened before registries were frozen): the live one decides.
    await setSelfScore(clerk('SMOI'), input, stores);
    expect(stores.snapshot(year, 'SMOI').items.get(plainLeaf.code)?.selfScore).toBe(0);
    stores.registries.set(year, [{ id: 'SNV', type: 'department', name: 'Sở SNV' }]);
    const written = writesSoFar();
    await refusedWith('ASSESSMENT_NOT_FOUND', setSelfScore(clerk('SMOI'), { ...input, selfScore: 0.25 }, stores));
    expect(writesSoFar()).toBe(written);
    await setSelfScore(clerk('SNV'), { ...input, unitId: 'SNV' }, stores);
    expect(stores.snapshot(year, 'SNV').items.get(plainLeaf.code)?.selfScore).toBe(0);
  });
});
