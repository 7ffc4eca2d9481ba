/**
 * The cycle's phase as a state machine (fast tier, in-memory stores): who may move it where, and
 * when; a refused move changes nothing. test/integration/frameworks-cycles.test.ts reads the
 * stored cycle and its audit back through the API.
 */
import { describe, expect, it } from 'vitest';
import { advancePhase } from '../../shared/app/cycles/advance-phase.ts';
import { patchCycle } from '../../shared/app/cycles/patch-cycle.ts';
import { allowedPhases, phaseTransitionRefusal, type CyclePhase, type PhaseActor } from '../../shared/domain/cycle-phase.ts';
import { isDomainError } from '../../shared/domain/errors.ts';
import type { Caller } from '../../shared/domain/roles.ts';
import type { Cycle } from '../../shared/schemas/domain/cycles.ts';
import { memoryResultsStores } from '../support/memory-results-stores.ts';

const year = 2030;
const admin: Caller = { subject: 'a1', username: 'admin', roles: ['admin'], areas: [] };
const deadlines = {
  selfAssessment: '2030-10-31T23:59:59+07:00',
  appraisal: '2030-11-30T23:59:59+07:00',
  explanation: '2030-12-10T23:59:59+07:00',
  survey: '2030-12-15T23:59:59+07:00',
  finalAppraisal: '2030-12-31T23:59:59+07:00',
  publication: '2031-02-28T23:59:59+07:00',
};
const beforeDeadline = new Date('2030-10-01T00:00:00Z');
const afterDeadline = new Date('2030-11-05T00:00:00Z');
const cycle = (phase: CyclePhase): Cycle => ({ year, frameworks: {}, deadlines, notApplicable: {}, appraisal: {}, phase, version: 4 });

function setup(phase: CyclePhase) {
  const memory = memoryResultsStores();
  memory.cycles.set(year, cycle(phase));
  return memory;
}

async function codeOf(promise: Promise<unknown>) {
  return promise.then(
    () => 'accepted',
    (e: unknown) => (isDomainError(e) ? e.code : e),
  );
}

describe('the phase rules', () => {
  it.each([
    ['open', 'appraisal', 'pipeline', beforeDeadline, true],
    ['open', 'appraisal', 'admin', beforeDeadline, false],
    ['open', 'appraisal', 'admin', afterDeadline, true],
    ['open', 'computation', 'computation', beforeDeadline, true],
    ['appraisal', 'computation', 'computation', afterDeadline, true],
    ['computation', 'approved', 'approval', afterDeadline, true],
    ['computation', 'approved', 'admin', afterDeadline, false],
    ['open', 'approved', 'approval', afterDeadline, false],
    ['approved', 'published', 'publication', afterDeadline, true],
    ['computation', 'published', 'publication', afterDeadline, false],
    ['published', 'open', 'admin', afterDeadline, false],
    ['appraisal', 'open', 'admin', afterDeadline, false],
  ] as const)('%s → %s by %s: allowed %s', (from, to, actor, now, allowed) => {
    const refused = phaseTransitionRefusal(cycle(from), to, actor as PhaseActor, now);
    expect(refused === undefined).toBe(allowed);
    if (refused) expect(refused).toMatchObject({ code: 'PHASE_TRANSITION_REFUSED', details: { phase: from } });
  });

  it('lists where each actor may move the cycle', () => {
    expect(allowedPhases(cycle('open'), 'admin', afterDeadline)).toEqual(['appraisal']);
    expect(allowedPhases(cycle('open'), 'admin', beforeDeadline)).toEqual([]);
    expect(allowedPhases(cycle('appraisal'), 'computation', afterDeadline)).toEqual(['computation']);
    expect(allowedPhases(cycle('published'), 'publication', afterDeadline)).toEqual([]);
  });
});

describe('patchCycle', () => {
  it('moves open → appraisal after the deadline, audited as a phase change', async () => {
    const memory = setup('open');
    const out = await patchCycle(admin, { year, phase: 'appraisal', reason: 'Hết hạn', expectedVersion: 4 }, memory.stores, afterDeadline);
    expect(out).toMatchObject({ phase: 'appraisal', version: 5 });
    expect(memory.audit.map((e) => e.action)).toEqual(['cycle.phase-changed']);
  });

  it.each([
    ['approved', afterDeadline],
    ['published', afterDeadline],
    ['computation', afterDeadline],
    ['appraisal', beforeDeadline],
  ] as const)('refuses an admin moving open → %s and changes nothing', async (to, now) => {
    const memory = setup('open');
    expect(await codeOf(patchCycle(admin, { year, phase: to, expectedVersion: 4 }, memory.stores, now))).toBe('PHASE_TRANSITION_REFUSED');
    expect(memory.cycles.get(year)).toEqual(cycle('open'));
    expect(memory.audit).toEqual([]);
  });

  it.each([
    ['approved', 'CYCLE_CLOSED'],
    ['published', 'CYCLE_PUBLISHED'],
  ] as const)('refuses any change of a %s cycle with %s', async (phase, code) => {
    const memory = setup(phase);
    const change = { year, notApplicable: { SNV: ['3'] }, expectedVersion: 4 };
    expect(await codeOf(patchCycle(admin, change, memory.stores, afterDeadline))).toBe(code);
    expect(memory.cycles.get(year)).toEqual(cycle(phase));
  });

  it('requires expectedVersion, and passes it to the store (a stale one is VERSION_CONFLICT)', async () => {
    const memory = setup('open');
    const extend = { year, deadlines: { selfAssessment: '2030-11-02T23:59:59+07:00' } };
    expect(await codeOf(patchCycle(admin, extend, memory.stores, beforeDeadline))).toBe('VALIDATION_FAILED');
    expect(await codeOf(patchCycle(admin, { ...extend, expectedVersion: 3 }, memory.stores, beforeDeadline))).toBe('VERSION_CONFLICT');
    expect(memory.cycles.get(year)).toEqual(cycle('open'));
  });
});

describe('advancePhase (the pipeline and the computation)', () => {
  it('does nothing when the cycle is there or beyond already', async () => {
    const memory = setup('computation');
    const out = await advancePhase(admin, { year, to: 'appraisal', actor: 'pipeline', reason: 'x' }, memory.stores, beforeDeadline);
    expect(out.phase).toBe('computation');
    expect(memory.audit).toEqual([]);
  });

  it('refuses a move its actor may not make', async () => {
    const memory = setup('computation');
    const move = advancePhase(admin, { year, to: 'approved', actor: 'pipeline', reason: 'x' }, memory.stores, afterDeadline);
    expect(await codeOf(move)).toBe('PHASE_TRANSITION_REFUSED');
    expect(memory.cycles.get(year)?.phase).toBe('computation');
  });
});
