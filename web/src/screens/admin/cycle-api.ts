/** The administrator's cycle calls: read the cycle, change it (expectedVersion, audited), its per-unit trail. */
import { useState } from 'preact/hooks';
import { api, idempotencyKey, type Schemas } from '../../api/client';
import type { Problem } from '../../lib/problems';
import { must } from '../../lib/use-load';

export type Cycle = Schemas['Cycle'];
export type CyclePatch = Omit<NonNullable<Parameters<ReturnType<typeof api>['PATCH']>[1]>['body'] & object, 'expectedVersion'>;

export const loadCycle = (year: number) => must(api().GET('/v1/cycles/{year}', { params: { path: { year } } }));

/** PATCH with the version read: a change by someone else since then answers VERSION_CONFLICT. */
export const patchCycle = (cycle: Cycle, change: CyclePatch) =>
  must(
    api().PATCH('/v1/cycles/{year}', {
      params: { path: { year: cycle.year } },
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: { ...change, expectedVersion: cycle.version },
    }),
  );

export const loadUnitAudit = (year: number, unitId: string) =>
  must(api().GET('/v1/cycles/{year}/audit', { params: { path: { year }, query: { unitId } } }));

/** Saves a change; the answer is the new cycle (its version moves on). */
export function useCycleChange(setCycle: (c: Cycle) => void) {
  const [problem, setProblem] = useState<Problem | undefined>();
  const [message, setMessage] = useState('');
  const save = async (cycle: Cycle, change: CyclePatch, done: string) => {
    setProblem(undefined);
    setMessage('');
    try {
      setCycle(await patchCycle(cycle, change));
      setMessage(done);
    } catch (error) {
      setProblem(error as Problem);
    }
  };
  return { problem, message, save };
}
