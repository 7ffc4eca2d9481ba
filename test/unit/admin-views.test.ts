/** ADM: what an audited cycle change did for one unit, and Step Functions history events as the pipeline screen reads them. */
import { describe, expect, it } from 'vitest';
import { changedFields, unitChange } from '../../shared/domain/cycle-audit.ts';
import { eventOf, executionArnOf } from '../../shared/store/sfn-executions.ts';

const before = {
  phase: 'open',
  deadlines: { selfAssessment: '2171-12-15T23:59:59+07:00' },
  extensions: { SCT: { selfAssessment: '2171-12-20T23:59:59+07:00' } },
  notApplicable: { STP: ['6.2'] },
};

describe('a cycle change for one unit', () => {
  it('names the unit’s extension before and after, and ignores other units', () => {
    const after = { ...before, extensions: { SCT: { selfAssessment: '2171-12-22T23:59:59+07:00' }, SNV: { explanation: 'x' } } };
    expect(unitChange(before, after, 'SCT')).toEqual({
      extension: { before: { selfAssessment: '2171-12-20T23:59:59+07:00' }, after: { selfAssessment: '2171-12-22T23:59:59+07:00' } },
    });
    expect(unitChange(before, after, 'STP')).toBeUndefined();
    expect(changedFields(before, after)).toEqual(['extensions']);
  });

  it('names exemptions added or removed, and reads an opening (no before) as a change of what it set', () => {
    const after = { ...before, notApplicable: { SCT: ['1.1.1'] } };
    expect(unitChange(before, after, 'STP')).toEqual({ notApplicable: { before: ['6.2'], after: [] } });
    expect(unitChange(before, after, 'SCT')).toEqual({ notApplicable: { before: [], after: ['1.1.1'] } });
    expect(changedFields(undefined, before)).toEqual(['phase', 'deadlines', 'extensions', 'notApplicable']);
    expect(unitChange(undefined, before, 'SCT')?.extension?.after).toEqual({ selfAssessment: '2171-12-20T23:59:59+07:00' });
  });
});

describe('Step Functions history events', () => {
  it('keep the state entered, and the error and cause of a failure', () => {
    const at = new Date('2171-12-16T00:00:00Z');
    expect(eventOf({ id: 3, type: 'TaskStateEntered', timestamp: at, stateEnteredEventDetails: { name: 'LoadCycle' } })).toEqual({
      at: at.toISOString(),
      type: 'TaskStateEntered',
      state: 'LoadCycle',
    });
    expect(
      eventOf({
        id: 9,
        type: 'LambdaFunctionFailed',
        timestamp: at,
        lambdaFunctionFailedEventDetails: { error: 'CycleNotFound', cause: 'no cycle 2171' },
      }),
    ).toMatchObject({ error: 'CycleNotFound', cause: 'no cycle 2171' });
    expect(
      eventOf({ id: 12, type: 'ExecutionFailed', timestamp: at, executionFailedEventDetails: { error: 'ServiceUnavailable' } }),
    ).toMatchObject({
      type: 'ExecutionFailed',
      error: 'ServiceUnavailable',
    });
  });

  it('name the execution from the state machine and the name its tasks recorded', () => {
    expect(executionArnOf('arn:aws:states:ap-southeast-1:123456789012:stateMachine:par-cycle', 'cycle-2171')).toBe(
      'arn:aws:states:ap-southeast-1:123456789012:execution:par-cycle:cycle-2171',
    );
  });
});
